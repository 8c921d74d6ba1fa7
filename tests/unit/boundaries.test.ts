// The import boundaries of docs/ARCHITECTURE.md ("Who may import whom") as the linter enforces
// them: a wrong import in each layer fails with the boundary's reason, a right one passes.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The messages the linter gives `code` as if it were the file at `path`. */
async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? []).map((m) => m.message);
}

// Loading the config and the TypeScript parser takes seconds on a busy machine: done once, first.
beforeAll(() => lint('utils/boundary-check.ts', ''), 60_000);

describe('the import boundaries', { timeout: 30_000 }, () => {
  it.each([
    ['the engine', 'no browser API', 'utils/boundary-check.ts', "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;\n"],
    ['the engine', 'no browser API', 'utils/boundary-check.ts', 'export const id = chrome.runtime.id;\n'],
    ['the engine', 'reads no storage', 'utils/boundary-check.ts', "import { history } from '@/stores/history';\nexport const h = history;\n"],
    ['the engine', 'renders nothing', 'utils/boundary-check.ts', "import { h } from 'preact';\nexport const x = h;\n"],
    [
      'the engine',
      'without the public-suffix list',
      'utils/boundary-check.ts',
      "import { parseSettings } from './settings';\nexport const p = parseSettings;\n",
    ],
    [
      'the worker',
      'without the public-suffix list',
      'entrypoints/background/boundary-check.ts',
      "import { parseHost } from '@/utils/hosts';\nexport const p = parseHost;\n",
    ],
    ['the worker', 'history-log.ts', 'entrypoints/background/boundary-check.ts', "import { history } from '@/stores/history';\nexport const h = history;\n"],
    ['the page guard', 'no schema', 'entrypoints/guard/boundary-check.ts', "import * as v from 'valibot';\nexport const s = v.string();\n"],
    ['the page guard', "browser's own API", 'entrypoints/guard/boundary-check.ts', "import { browser } from 'wxt/browser';\nexport const b = browser;\n"],
    [
      'a component',
      'by message',
      'components/BoundaryCheck.tsx',
      "import { createGuard } from '@/entrypoints/background/guard';\nexport const g = createGuard;\n",
    ],
    ['a page', 'by message', 'entrypoints/access/boundary-check.ts', "import { createGuard } from '../background/guard';\nexport const g = createGuard;\n"],
  ])('%s: a wrong import fails, saying "%s"', async (_layer, reason, path, code) => {
    const messages = await lint(path, code);
    expect(messages.join('\n')).toContain(reason);
  });

  it.each([
    ['the engine', 'utils/boundary-check.ts', "import { decide } from './policy';\nexport const d = decide;\n"],
    [
      'the worker',
      'entrypoints/background/boundary-check.ts',
      "import { createHistoryLog } from '@/stores/history-log';\nexport const h = createHistoryLog;\n",
    ],
    ['a component', 'components/BoundaryCheck.tsx', "import { askWorker } from './worker';\nexport const a = askWorker;\n"],
  ])('%s: an allowed import passes', async (_layer, path, code) => {
    expect(await lint(path, code)).toEqual([]);
  });
});
