import { render } from 'preact';
// first-state goes first: its request starts before the views' modules are evaluated.
import { firstState } from './first-state';
import { App } from './App';

document.documentElement.lang = navigator.language;
render(<App firstState={firstState} />, document.getElementById('app') as HTMLElement);
