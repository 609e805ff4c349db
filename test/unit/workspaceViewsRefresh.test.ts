import { strict as assert } from 'node:assert';
import { WorkspaceViewsRefresh } from '../../server/src/services/workspaceViewsRefresh';

const settle = () => new Promise((resolve) => setTimeout(resolve, 15));

function views(options: { canRefreshCodeLens?: boolean; codeLens?: boolean; graphShown?: boolean } = {}) {
  const state = { generation: 0, calls: [] as string[], codeLens: options.codeLens ?? true, graphShown: options.graphShown ?? true };
  const refresh = new WorkspaceViewsRefresh(
    {
      generation: () => state.generation,
      codeLensEnabled: () => state.codeLens,
      canRefreshCodeLens: () => options.canRefreshCodeLens ?? true,
      graphShown: () => state.graphShown,
      refreshCodeLens: () => state.calls.push('codeLens'),
      graphChanged: () => state.calls.push('graph'),
    },
    5,
  );
  return { refresh, state };
}

describe('refreshing CodeLens and the workspace graph', () => {
  it('asks once for a burst of changes, and only for what changed', async () => {
    const { refresh, state } = views();
    state.generation = 1;
    refresh.mayHaveChanged('index');
    refresh.mayHaveChanged('index');
    await settle();
    assert.deepEqual(state.calls, ['codeLens', 'graph']);
    state.calls.length = 0;
    refresh.mayHaveChanged('findings');
    await settle();
    assert.deepEqual(state.calls, ['graph'], 'findings change badges, not lenses');
    state.calls.length = 0;
    refresh.mayHaveChanged('index');
    await settle();
    assert.deepEqual(state.calls, [], 'the index did not move: nothing to redraw');
  });

  it('clears lenses when CodeLens is turned off, and leaves a graph nobody opened alone', async () => {
    const { refresh, state } = views({ graphShown: false });
    state.codeLens = false;
    state.generation = 2;
    refresh.mayHaveChanged('index');
    await settle();
    assert.deepEqual(state.calls, [], 'lenses off: an index change asks for nothing');
    refresh.mayHaveChanged('settings');
    await settle();
    assert.deepEqual(state.calls, ['codeLens'], 'a settings change refreshes, so turned-off lenses disappear');
  });

  it('never asks a client that cannot refresh CodeLens', async () => {
    const { refresh, state } = views({ canRefreshCodeLens: false });
    state.generation = 3;
    refresh.mayHaveChanged('settings');
    await settle();
    assert.deepEqual(state.calls, ['graph']);
  });
});
