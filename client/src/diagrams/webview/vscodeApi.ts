// The one object VS Code gives a webview to talk to its extension. `acquireVsCodeApi` may be called
// only once per page, so main.ts calls it and passes the result on.
import type { DiagramsView, WebviewMessage } from '../messages';

/** What the page keeps across being hidden and shown again. */
export interface DiagramsPageState {
  view: DiagramsView;
}

export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: DiagramsPageState): void;
}

declare global {
  function acquireVsCodeApi(): VsCodeApi;
}
