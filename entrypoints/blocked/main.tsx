import { render } from 'preact';
render(<p>Blocked</p>, document.getElementById('app')!);
