// The guards of what the webview sends, field by field: a plot's data and file name, the optimizer's
// and the schedule's plain values, the parameters' values, and the state a webview saved. Each case
// is one value a hostile or broken webview could send, with the outcome worked out by hand.
import * as assert from 'node:assert/strict';
import {
  hostMessage,
  LIMITS,
  optimizerControls,
  parameterValues,
  persistedState,
  runControls,
  schedulerControls,
  webviewMessage,
} from '../../src/shared/protocol';

const PNG = 'data:image/png;base64,';

function savePlot(format: unknown, data: unknown, name?: unknown) {
  return webviewMessage.parse({
    type: 'savePlot',
    format,
    data,
    ...(name === undefined ? {} : { name }),
  });
}

function savedName(name: unknown): string | undefined {
  const parsed = savePlot('svg', '<svg></svg>', name);
  return parsed.ok && parsed.value.type === 'savePlot' ? parsed.value.name : undefined;
}

describe('savePlot guard', () => {
  it('takes SVG text that starts with an <svg element, leading white space allowed', () => {
    for (const data of [
      '<svg></svg>',
      '<svg>',
      '<svg xmlns="http://www.w3.org/2000/svg">',
      ' \n\t<svg\nwidth="1">',
    ]) {
      assert.equal(savePlot('svg', data).ok, true, JSON.stringify(data));
    }
  });

  it('refuses SVG data that is not an <svg element at the start', () => {
    for (const data of ['', '<svg', '<svgx>', '<SVG>', 'x<svg>', '<script>', '<!-- --><svg>', PNG + 'AAAA']) {
      assert.deepEqual(
        savePlot('svg', data),
        { ok: false, error: 'savePlot.not svg data' },
        JSON.stringify(data),
      );
    }
  });

  it('takes a PNG as a base64 data URL, and nothing else after the comma', () => {
    for (const payload of ['AAAA', 'iVBORw0KGgo=', 'a+b/c==', 'Z9']) {
      assert.equal(savePlot('png', PNG + payload).ok, true, payload);
    }
    const refusedData = [
      PNG,
      `${PNG}AA AA`,
      `${PNG}AAAA<script>`,
      `${PNG}AAAA\n`,
      `${PNG}AA-_`,
      `x${PNG}AAAA`,
      ` ${PNG}AAAA`,
      'data:image/jpeg;base64,AAAA',
      'data:image/png,AAAA',
      'data:text/html;base64,AAAA',
      '<svg></svg>',
    ];
    for (const data of refusedData) {
      assert.deepEqual(
        savePlot('png', data),
        { ok: false, error: 'savePlot.not png data' },
        JSON.stringify(data),
      );
    }
  });

  it('takes data up to LIMITS.plotDataLength characters, and says when it is longer', () => {
    const at = PNG + 'A'.repeat(LIMITS.plotDataLength - PNG.length);
    assert.equal(at.length, LIMITS.plotDataLength);
    assert.equal(savePlot('png', at).ok, true);
    assert.deepEqual(savePlot('png', at + 'A'), { ok: false, error: 'savePlot.plot data too long' });
    assert.deepEqual(savePlot('png', at + 'AAAA'), { ok: false, error: 'savePlot.plot data too long' });
  });

  it('refuses another format, and data that is not a string', () => {
    assert.equal(savePlot('exe', '<svg></svg>').ok, false);
    assert.equal(savePlot('SVG', '<svg></svg>').ok, false);
    assert.equal(savePlot('svg', ['<svg></svg>']).ok, false);
    assert.equal(savePlot('png', null).ok, false);
  });

  it('makes the name a plain file name: each run of other characters becomes one hyphen', () => {
    assert.equal(savedName('gradient-descent'), 'gradient-descent');
    assert.equal(savedName('run_2.v1'), 'run_2.v1');
    assert.equal(savedName('a/b c'), 'a-b-c');
    assert.equal(savedName('a  /  b'), 'a-b');
    assert.equal(savedName('../../etc/passwd'), '..-..-etc-passwd');
    assert.equal(savedName('C:\\Users\\me'), 'C-Users-me');
    assert.equal(savedName('loss (η = 0.1)'), 'loss-0.1-');
    assert.equal(savedName('π'), '-');
    assert.equal(savedName('x\u0000y'), 'x-y');
  });

  it('names the file "plot" when the name is empty, missing or not a string, and cuts a long one', () => {
    assert.equal(savedName(''), 'plot');
    assert.equal(savedName(undefined), 'plot');
    assert.equal(savedName(42), 'plot');
    assert.equal(savedName('a'.repeat(500)), 'a'.repeat(LIMITS.nameLength));
  });
});

describe('optimizer controls guard', () => {
  const parse = (v: unknown) => optimizerControls.parse(v);

  it('keeps plain values: finite numbers, flags, None, short names and pairs of finite numbers', () => {
    assert.deepEqual(
      parse({ name: 'adam', lr: 0.01, amsgrad: true, foreach: null, betas: [0.8, 0.99], momentum: 0 }),
      {
        ok: true,
        value: { name: 'adam', lr: 0.01, amsgrad: true, foreach: null, betas: [0.8, 0.99], momentum: 0 },
      },
    );
    assert.deepEqual(parse({ name: 'x'.repeat(40) }), { ok: true, value: { name: 'x'.repeat(40) } });
  });

  it('drops what is not a plain value: NaN, ±Infinity, long strings, other lists, objects', () => {
    const parsed = parse({
      lr: NaN,
      momentum: Infinity,
      dampening: -Infinity,
      name: 'x'.repeat(41),
      betas: [0.9],
      eps: [1, 2, 3],
      alpha: [0.9, NaN],
      rho: [0.9, '0.99'],
      weightDecay: { value: 1 },
      centered: undefined,
    });
    assert.deepEqual(parsed, { ok: true, value: {} });
  });

  it('drops keys that are not plain identifiers, and reads at most 40 keys', () => {
    assert.deepEqual(parse({ '1lr': 1, 'l-r': 2, __proto__x: 3, lr_: 4, ok: 5, '': 6 }), {
      ok: true,
      value: { ok: 5 },
    });
    assert.deepEqual(parse({ ['a'.repeat(40)]: 1, ['b'.repeat(41)]: 2 }), {
      ok: true,
      value: { ['a'.repeat(40)]: 1 },
    });
    const many = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`k${i}`, i]));
    const kept = parse(many);
    assert.ok(kept.ok);
    assert.deepEqual(Object.keys(kept.value), Object.keys(many).slice(0, 40));
  });

  it('clamps the learning rate into [1e-12, 1e6], and only a numeric one', () => {
    assert.deepEqual(parse({ lr: 0 }), { ok: true, value: { lr: LIMITS.learningRate.min } });
    assert.deepEqual(parse({ lr: -5 }), { ok: true, value: { lr: LIMITS.learningRate.min } });
    assert.deepEqual(parse({ lr: 1e9 }), { ok: true, value: { lr: LIMITS.learningRate.max } });
    assert.deepEqual(parse({ lr: 0.5 }), { ok: true, value: { lr: 0.5 } });
    assert.deepEqual(parse({ lr: 'fast' }), { ok: true, value: { lr: 'fast' } });
    assert.deepEqual(parse({ momentum: 1e9 }), { ok: true, value: { momentum: 1e9 } }, 'only lr is clamped');
  });

  it('refuses what is not an object', () => {
    for (const v of [null, [], 'adam', 3]) assert.deepEqual(parse(v), { ok: false, error: 'not an object' });
  });
});

describe('scheduler controls guard', () => {
  const parse = (v: unknown) => schedulerControls.parse(v);

  it('needs a class name of letters, and keeps plain values and lists of finite numbers', () => {
    assert.deepEqual(
      parse({ name: 'MultiStepLR', milestones: [2, 5], gamma: 0.5, verbose: false, mode: 'min', x: null }),
      {
        ok: true,
        value: { name: 'MultiStepLR', milestones: [2, 5], gamma: 0.5, verbose: false, mode: 'min', x: null },
      },
    );
    assert.deepEqual(parse({ name: 'a'.repeat(40) }), { ok: true, value: { name: 'a'.repeat(40) } });
    for (const name of ['', 'Step LR', 'StepLR2', 'a'.repeat(41), 3, undefined]) {
      assert.deepEqual(parse({ name }), { ok: false, error: 'no scheduler name' }, String(name));
    }
    for (const v of [null, [], 'StepLR']) assert.deepEqual(parse(v), { ok: false, error: 'not an object' });
  });

  it('drops lists with anything but finite numbers, lists past 64, pairs as values, bad keys, and the name twice', () => {
    const parsed = parse({
      name: 'StepLR',
      milestones: [1, NaN],
      a: [1, '2'],
      b: Array.from({ length: 65 }, (_, i) => i),
      c: Array.from({ length: 64 }, (_, i) => i),
      d: NaN,
      e: { x: 1 },
      f: [],
      '9g': 1,
    });
    assert.deepEqual(parsed, {
      ok: true,
      value: { name: 'StepLR', c: Array.from({ length: 64 }, (_, i) => i), f: [] },
    });
  });

  it('reads at most 40 keys, the name among them', () => {
    const many = {
      name: 'StepLR',
      ...Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`k${i}`, i])),
    };
    const kept = parse(many);
    assert.ok(kept.ok);
    assert.equal(Object.keys(kept.value).length, 40);
    assert.equal(kept.value.k38, 38);
    assert.equal(kept.value.k39, undefined);
  });
});

describe('parameter values guard', () => {
  const parse = (v: unknown) => parameterValues.parse(v);

  it('takes names as the engine spells them, each a finite number clamped into the coordinate range', () => {
    assert.deepEqual(parse({ a: 2, lambda: 0.1, w_1: -3, B2: 0 }), {
      ok: true,
      value: { a: 2, lambda: 0.1, w_1: -3, B2: 0 },
    });
    assert.deepEqual(parse({ a: 1e300 }), { ok: true, value: { a: LIMITS.coordinate } });
    assert.deepEqual(parse({ a: -1e300 }), { ok: true, value: { a: -LIMITS.coordinate } });
    assert.deepEqual(parse({ ['a'.repeat(LIMITS.parameterName)]: 1 }).ok, true);
  });

  it('refuses the whole message for a value that is not a finite number: a slider never sends one', () => {
    for (const v of [NaN, Infinity, -Infinity, '2', null, [2]]) {
      assert.deepEqual(parse({ a: 1, b: v }), {
        ok: false,
        error: 'parameters: b is not a finite number in range',
      });
    }
  });

  it('refuses names the engine does not spell, more than LIMITS.parameters of them, and non-objects', () => {
    for (const key of ['1a', '_a', 'a-b', 'λ', '', 'a'.repeat(LIMITS.parameterName + 1), '__proto__x!']) {
      assert.deepEqual(parse({ [key]: 1 }), { ok: false, error: 'parameters: not a name' }, key);
    }
    const at = Object.fromEntries(Array.from({ length: LIMITS.parameters }, (_, i) => [`p${i}`, i]));
    assert.equal(parse(at).ok, true);
    assert.deepEqual(parse({ ...at, extra: 1 }), { ok: false, error: 'parameters: too many' });
    for (const v of [null, [1], 'a=1']) {
      assert.deepEqual(parse(v), { ok: false, error: 'parameters: not an object' });
    }
  });
});

describe('run controls guard', () => {
  it('fills the defaults, clamps the stop tests and drops a malformed schedule', () => {
    const parsed = runControls.parse({
      start: [1e20, -2],
      stop: { maxIterations: 1e12, gradientTolerance: 5 },
      scheduler: { name: 'bad name' },
    });
    assert.deepEqual(parsed, {
      ok: true,
      value: {
        start: [LIMITS.coordinate, -2],
        optimizer: {},
        stop: { maxIterations: LIMITS.maxIterations, gradientTolerance: 1 },
        maximize: false,
      },
    });
    const low = runControls.parse({
      start: [0],
      stop: { maxIterations: 0.2, gradientTolerance: -1 },
      maximize: true,
    });
    assert.deepEqual(low.ok && low.value.stop, { maxIterations: 1, gradientTolerance: 0 });
    assert.equal(low.ok && low.value.maximize, true);
  });

  it('refuses a start with NaN or a string in it, and bad parameters', () => {
    assert.equal(runControls.parse({ start: [NaN] }).ok, false);
    assert.equal(runControls.parse({ start: ['1'] }).ok, false);
    assert.equal(runControls.parse({ start: [1], parameters: { a: NaN } }).ok, false);
  });
});

describe('persisted state guard', () => {
  const run = (id: number) => ({ id, formula: `x^2 + ${id}`, controls: { start: [id] } });

  it('keeps every run a webview saved, up to LIMITS.runs, in order', () => {
    const runs = Array.from({ length: 5 }, (_, i) => run(i + 1));
    const parsed = persistedState.parse({ runs, selected: 3, view: 'compare', compare: ['adam', 'rmsprop'] });
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.value.runs.map((r) => r.id),
      [1, 2, 3, 4, 5],
    );
    assert.equal(parsed.value.selected, 3);
    assert.equal(parsed.value.view, 'compare');
    assert.deepEqual(parsed.value.compare, ['adam', 'rmsprop']);
    const many = persistedState.parse({
      runs: Array.from({ length: LIMITS.runs + 3 }, (_, i) => run(i + 1)),
    });
    assert.equal(many.ok && many.value.runs.length, LIMITS.runs);
  });

  it('defaults the selection, view and comparison when they are missing or malformed', () => {
    const parsed = persistedState.parse({ runs: [run(1)], selected: -1, view: 'admin', compare: ['evil'] });
    assert.deepEqual(parsed.ok && [parsed.value.selected, parsed.value.view, parsed.value.compare], [
      0,
      'runs',
      undefined,
    ]);
  });
});

describe('host message guard (what the webview takes from the host)', () => {
  const controls = { start: [1], optimizer: { name: 'gd', lr: 0.1 }, stop: {}, maximize: false };
  const summary = { id: 2, formula: 'x^2', controls, status: 'ok' };

  it('takes each message kind with its fields, and refuses each without them', () => {
    const good = [
      { type: 'state', runs: [summary], selected: 2, view: 'runs', compare: ['adam'] },
      { type: 'run', run: summary },
      { type: 'part', id: 7, part: { kind: 'curvature', value: { lambdaMax: 4, critical: 0.5 } } },
      { type: 'notice', text: 'Copied 3 iterations' },
      { type: 'settled' },
      { type: 'done', notice: 'Saved plot.svg' },
    ];
    for (const message of good) assert.deepEqual(hostMessage.parse(message).ok, true, message.type);
    const bad = [
      { type: 'state', runs: [summary], selected: 2, view: 'runs' },
      { type: 'run' },
      { type: 'part', id: 7, part: { kind: 'curvature' } },
      { type: 'part', id: 7, part: { kind: 'evil', value: {} } },
      { type: 'notice' },
      { type: 'done' },
      { type: 'select', runId: 1 },
    ];
    for (const message of bad) {
      assert.deepEqual(hostMessage.parse(message).ok, false, JSON.stringify(message));
    }
  });

  it('reads every kind of part by its own schema', () => {
    const parts: Record<string, unknown> = {
      formula: {
        source: 'x^2',
        notation: 'plain',
        variables: ['x'],
        text: 'x^2',
        tex: 'x^{2}',
        variablesTex: ['x'],
        variablesText: ['x'],
        parameters: [],
      },
      gradientText: [{ text: '2 x', tex: '2x' }],
      landscape: { kind: 'none' },
      curvature: { lambdaMax: 2 },
      sweep: {
        points: [],
        lambdaMax: 4,
        range: { lrMin: 0.01, lrMax: 1, count: 3 },
        regimes: { small: 0.001, good: 0.1, large: 0.6 },
      },
      basins: { runs: [], minima: [] },
      steps: [],
    };
    for (const [kind, value] of Object.entries(parts)) {
      const parsed = hostMessage.parse({ type: 'part', id: 1, part: { kind, value } });
      assert.ok(parsed.ok && parsed.value.type === 'part' && parsed.value.part.kind === kind, kind);
      // Another kind's value does not pass as this one.
      const other = kind === 'steps' ? { kind: 'none' } : 7;
      assert.equal(hostMessage.parse({ type: 'part', id: 1, part: { kind, value: other } }).ok, false, kind);
    }
  });

  it('keeps an error column up to one past the formula’s length, and defaults a summary’s starts', () => {
    const error = (column: number) =>
      hostMessage.parse({
        type: 'run',
        run: { ...summary, status: 'error', error: { message: 'bad', column } },
      });
    const at = error(LIMITS.formulaLength + 1);
    assert.ok(at.ok && at.value.type === 'run');
    assert.equal(at.value.run.error?.column, LIMITS.formulaLength + 1);
    const past = error(LIMITS.formulaLength + 50);
    assert.equal(
      past.ok && past.value.type === 'run' && past.value.run.error?.column,
      LIMITS.formulaLength + 1,
    );
    assert.deepEqual(at.value.run.starts, []);
  });
});

describe('webview messages: defaults', () => {
  it('a saved run, a run edit and a summary without starts have none', () => {
    const saved = persistedState.parse({ runs: [{ id: 1, formula: 'x^2', controls: { start: [1] } }] });
    assert.deepEqual(saved.ok && saved.value.runs[0]!.starts, []);
    const edit = webviewMessage.parse({
      type: 'setInput',
      runId: 1,
      formula: 'x^2',
      controls: { start: [1] },
    });
    assert.deepEqual(edit.ok && edit.value.type === 'setInput' && edit.value.starts, []);
    const malformed = webviewMessage.parse({
      type: 'setInput',
      runId: 1,
      formula: 'x^2',
      controls: { start: [1] },
      starts: 'all',
    });
    assert.deepEqual(malformed.ok && malformed.value.type === 'setInput' && malformed.value.starts, []);
    assert.deepEqual(webviewMessage.parse({ type: 'select', runId: 3 }), {
      ok: true,
      value: { type: 'select', runId: 3 },
    });
  });
});

describe('webview messages: each kind as it is sent', () => {
  it('reads each message with exactly its fields, and refuses each without them', () => {
    const sent: [unknown, unknown][] = [
      [{ type: 'ready' }, { type: 'ready' }],
      [{ type: 'ready', saved: 'junk' }, { type: 'ready' }],
      [
        { type: 'remove', runId: 4 },
        { type: 'remove', runId: 4 },
      ],
      [
        { type: 'setView', view: 'learning-rate' },
        { type: 'setView', view: 'learning-rate' },
      ],
      [
        { type: 'need', ids: [1, 2], extra: 1 },
        { type: 'need', ids: [1, 2] },
      ],
      [
        { type: 'copyIterations', runId: 2, format: 'csv' },
        { type: 'copyIterations', runId: 2, format: 'csv' },
      ],
      [
        { type: 'copyCode', runId: 2, language: 'numpy' },
        { type: 'copyCode', runId: 2, language: 'numpy' },
      ],
      [
        { type: 'setCompare', optimizers: ['adam', 'lbfgs'] },
        { type: 'setCompare', optimizers: ['adam', 'lbfgs'] },
      ],
    ];
    for (const [message, value] of sent) {
      assert.deepEqual(webviewMessage.parse(message), { ok: true, value }, JSON.stringify(message));
    }
    const refused = [
      { type: 'remove' },
      { type: 'setView', view: 'admin' },
      { type: 'need', ids: [-1] },
      { type: 'copyIterations', runId: 2, format: 'xlsx' },
      { type: 'copyCode', runId: 2, language: 'bash' },
      { type: 'setCompare', optimizers: ['evil'] },
      { type: 'setInput', runId: 1, formula: 'x', controls: { start: 'x' } },
    ];
    for (const message of refused) {
      assert.equal(webviewMessage.parse(message).ok, false, JSON.stringify(message));
    }
  });
});
