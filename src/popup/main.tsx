import { render } from 'preact';
import { send } from '../ui/background';
import { App } from './App';

// Ask for the state before anything renders: the QR is one background round trip away, and
// the page's own start-up should not come first (issue #3 bench: open-to-QR).
const firstState = send('getState', {});

document.documentElement.lang = navigator.language;
render(<App firstState={firstState} />, document.getElementById('app') as HTMLElement);
