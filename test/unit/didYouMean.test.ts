import { strict as assert } from 'node:assert';
import { closestName, editDistance } from '../../server/src/model/didYouMean';

describe('did you mean', () => {
  it('counts typing mistakes', () => {
    assert.equal(editDistance('replicass', 'replicas'), 1);
    assert.equal(editDistance('replcias', 'replicas'), 1); // two neighbours swapped
    assert.equal(editDistance('image', 'image'), 0);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('suggests the near miss of an allowed field', () => {
    const allowed = ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds'];
    assert.equal(closestName('replicass', allowed), 'replicas');
    assert.equal(closestName('selectr', allowed), 'selector');
    assert.equal(closestName('minreadyseconds', allowed), 'minReadySeconds');
  });

  it('stays silent when nothing is close, or two names are equally close', () => {
    assert.equal(closestName('volumes', ['replicas', 'selector']), undefined);
    assert.equal(closestName('cat', ['bat', 'hat']), undefined);
    assert.equal(closestName('ab', ['ac']), undefined);
  });
});
