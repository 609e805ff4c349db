// The diagrams webview's script (bundled to dist/webview.js): two tabs, the guide's diagrams and the
// user's workspace, fed by messages from the extension and answering with messages of its own.
// Every message received is checked (messages.ts) before anything reads it.
import { parseExtensionMessage, type DiagramsView, type WebviewMessage } from '../messages';
import { html } from './dom';
import { serializeSvg, svgToPngDataUrl } from './exportImage';
import { GuideView } from './guideView';
import { TextMeasure } from './svgDiagram';
import { createTabs } from './tabs';
import type { DiagramsPageState } from './vscodeApi';
import { WorkspaceView } from './workspaceView';

const vscode = acquireVsCodeApi();
const post = (message: WebviewMessage): void => vscode.postMessage(message);
const measure = new TextMeasure();
const notice = html('p', { class: 'notice', role: 'status' });

async function exportDiagram(diagram: SVGSVGElement, name: string, format: 'svg' | 'png'): Promise<void> {
  try {
    const svgText = serializeSvg(diagram);
    const data = format === 'svg' ? svgText : await svgToPngDataUrl(svgText, diagram.width.baseVal.value, diagram.height.baseVal.value);
    post({ type: 'export', format, name, data });
    notice.textContent = '';
  } catch (error) {
    notice.textContent = `Could not export the diagram: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const guide = new GuideView({
  measure,
  insertSnippet: (snippet) => post({ type: 'insertSnippet', snippet }),
  exportDiagram: (diagram, name, format) => void exportDiagram(diagram, name, format),
});

let workspaceRequested = false;
function requestWorkspaceGraph(): void {
  workspaceRequested = true;
  workspace.showLoading();
  post({ type: 'requestWorkspaceGraph' });
}

const workspace = new WorkspaceView({
  measure,
  refresh: requestWorkspaceGraph,
  openNode: (id) => post({ type: 'openWorkspaceNode', id }),
  exportDiagram: (diagram, name, format) => void exportDiagram(diagram, name, format),
});

const tabs = createTabs<DiagramsView>(
  'Diagrams',
  [
    { key: 'guide', label: 'Guide diagrams', panel: guide.element },
    { key: 'workspace', label: 'Your workspace', panel: workspace.element },
  ],
  (view) => {
    vscode.setState({ view } satisfies DiagramsPageState);
    // The workspace graph costs the server some work: ask for it only once someone looks.
    if (view === 'workspace' && !workspaceRequested) requestWorkspaceGraph();
  },
);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseExtensionMessage(event.data);
  if (!message) {
    console.warn('Kube Guide diagrams: ignored a message of an unknown shape');
    return;
  }
  switch (message.type) {
    case 'guideDiagrams':
      post({ type: 'rendered', view: 'guide', ...guide.show(message.diagrams) });
      break;
    case 'guideDiagramsError':
      guide.showStatus(`The guide's diagrams are not available: ${message.message}`, true);
      break;
    case 'workspaceGraph':
      post({ type: 'rendered', view: 'workspace', ...workspace.show(message.graph) });
      break;
    case 'workspaceGraphError':
      workspace.showError(message.message);
      break;
  }
});

const app = document.getElementById('app') ?? document.body;
app.replaceChildren(html('h1', { class: 'visually-hidden' }, 'Kube Guide: Architecture Diagrams'), tabs.element, guide.element, workspace.element, notice);
app.removeAttribute('aria-busy');
const saved = vscode.getState() as Partial<DiagramsPageState> | undefined;
tabs.select(saved?.view === 'workspace' ? 'workspace' : 'guide');
post({ type: 'ready' });
