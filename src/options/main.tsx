import { render } from 'preact';
import { Options } from './Options';

document.documentElement.lang = navigator.language;
render(<Options />, document.getElementById('app') as HTMLElement);
