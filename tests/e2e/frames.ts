/**
 * Records what a tab actually painted, frame by frame, through the DevTools screencast — the way
 * to prove that no frame of a work page was shown undimmed, which a screenshot after load cannot.
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

export interface Frame {
  readonly width: number;
  readonly height: number;
  /** RGBA, row by row, 4 bytes a pixel. */
  readonly data: Uint8Array;
  /** When the compositor produced the frame, epoch milliseconds. */
  readonly timestamp: number;
}

export interface RecordOptions {
  /** Keep recording this long after `fn` settles, for the paint that follows a load. Default 500. */
  readonly settleMs?: number;
  /** Frames are scaled down to fit; colour is what is tested, not detail. Default 640 × 360. */
  readonly maxWidth?: number;
  readonly maxHeight?: number;
}

interface ScreencastFrame {
  data: string;
  sessionId: number;
  metadata: { timestamp?: number };
}

/** Runs `fn` (a navigation, a boundary passing …) while recording `page`; returns every frame painted. */
export async function recordFrames(page: Page, fn: () => Promise<unknown>, options: RecordOptions = {}): Promise<Frame[]> {
  const { settleMs = 500, maxWidth = 640, maxHeight = 360 } = options;
  const session = await page.context().newCDPSession(page);
  const raw: { data: string; timestamp: number }[] = [];
  session.on('Page.screencastFrame', (frame: ScreencastFrame) => {
    raw.push({ data: frame.data, timestamp: (frame.metadata.timestamp ?? Date.now() / 1000) * 1000 });
    // Chromium sends the next frame only after this one is acknowledged; decode later.
    session.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => {});
  });
  await session.send('Page.startScreencast', { format: 'png', everyNthFrame: 1, maxWidth, maxHeight });
  try {
    await fn();
    await new Promise((resolve) => setTimeout(resolve, settleMs));
  } finally {
    await session.send('Page.stopScreencast').catch(() => {});
    await session.detach().catch(() => {});
  }
  return raw.map(({ data, timestamp }) => {
    const png = PNG.sync.read(Buffer.from(data, 'base64'));
    return { width: png.width, height: png.height, data: png.data, timestamp };
  });
}

/** The pixel at (x, y) as [r, g, b, a]. */
export function pixel(frame: Frame, x: number, y: number): [number, number, number, number] {
  const i = (y * frame.width + x) * 4;
  const at = (k: number) => frame.data[i + k] ?? 0;
  return [at(0), at(1), at(2), at(3)];
}

/** Share of the frame's pixels close to the test page's #e00000 (dimmed pixels are grey, so never close). */
export function redFraction(frame: Frame): number {
  let red = 0;
  for (let i = 0; i + 3 < frame.data.length; i += 4) {
    const r = frame.data[i] ?? 0;
    const g = frame.data[i + 1] ?? 0;
    const b = frame.data[i + 2] ?? 0;
    if (r >= 170 && g <= 70 && b <= 70) red++;
  }
  return red / Math.max(1, frame.width * frame.height);
}

/** True when the frame shows the undimmed test page: at least `minFraction` of it bright red. */
export function isBrightRed(frame: Frame, minFraction = 0.2): boolean {
  return redFraction(frame) >= minFraction;
}
