import { strict as assert } from 'node:assert';
import { closestName, editDistance } from '../../server/src/model/didYouMean';

describe('did you mean', () => {
  it('counts typing mistakes', () => {
    assert.equal(editDistance('replicass', 'replicas'), 1);
    assert.equal(editDistance('replcias', 'replicas'), 1); // two neighbours swapped
    assert.equal(editDistance('image', 'image'), 0);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('a-very-long-label-value-that-needs-more-than-the-first-buffer', 'a-very-long-label-value-that-needs-more-than-the-first-bufer'), 1);
  });

  it('stops counting past a limit, exact up to it', () => {
    assert.equal(editDistance('checkout', 'checkuot', 1), 1, 'within the limit: exact');
    assert.equal(editDistance('checkout', 'checkuot', 0), 1, 'past it: the limit plus one');
    assert.equal(editDistance('web', 'frontend-web', 2), 3, 'a length gap past the limit');
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(editDistance('abcdef', 'uvwxyz'), 6);
    // A swap two rows down still counts after a row that looks past the limit.
    assert.equal(editDistance('ab', 'ba', 1), 1);
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
