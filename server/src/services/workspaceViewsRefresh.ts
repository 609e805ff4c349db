// CodeLens and the workspace graph show the whole workspace: when it may have changed, the client is told
// to ask again, once edits settle rather than on every keystroke, and only for what changed.

export type WorkspaceViewsChange = 'index' | 'findings' | 'settings';

export interface WorkspaceViewsHost {
  /** The index's generation: it moves on every change of meaning. */
  generation(): number;
  codeLensEnabled(): boolean;
  /** The client can be asked to refresh CodeLens (workspace/codeLens/refresh). */
  canRefreshCodeLens(): boolean;
  /** The client has asked for the workspace graph at least once. */
  graphShown(): boolean;
  refreshCodeLens(): void;
  graphChanged(): void;
}

export class WorkspaceViewsRefresh {
  private timer: NodeJS.Timeout | undefined;
  private shownGeneration = -1;
  private readonly reasons = new Set<WorkspaceViewsChange>();

  constructor(
    private readonly host: WorkspaceViewsHost,
    private readonly delayMs = 300,
  ) {}

  mayHaveChanged(reason: WorkspaceViewsChange): void {
    this.reasons.add(reason);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), this.delayMs);
  }

  private refresh(): void {
    const generation = this.host.generation();
    const indexChanged = generation !== this.shownGeneration;
    const settingsChanged = this.reasons.has('settings');
    const findingsChanged = this.reasons.has('findings');
    this.shownGeneration = generation;
    this.reasons.clear();
    // Turning CodeLens off must clear the lenses too: a settings change refreshes either way.
    if (this.host.canRefreshCodeLens() && (settingsChanged || (indexChanged && this.host.codeLensEnabled()))) this.host.refreshCodeLens();
    if (this.host.graphShown() && (indexChanged || findingsChanged || settingsChanged)) this.host.graphChanged();
  }
}
