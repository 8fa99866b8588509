(function () {
  'use strict';

  // Everything shown was computed when the page was generated (TraceView); this script only
  // draws it and moves the current step.
  var data = JSON.parse(document.getElementById('trace-data').textContent);
  var steps = data.steps;
  var N = steps.length;
  var loop = data.loop;
  var cur = 0;

  function $(id) { return document.getElementById(id); }
  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  function clamp(i) { return Math.max(0, Math.min(N - 1, i)); }
  function dash(s) { return s === null || s === undefined ? '\u2014' : s; }
  function actionText(s) { return s.index === 0 ? 'Initial state' : (s.action || '(unnamed step)'); }
  var stutterAt = -1;
  steps.forEach(function (s) { if (s.stuttering) { stutterAt = s.index; } });

  // ---- colours -------------------------------------------------------------------------------
  // A pc's colour says what kind of place it is, so a deadlock reads at a glance: grey for not
  // in a call, red for asleep or waiting, amber for a failure returned, green for holding what
  // was asked for; other steps of the call get distinct calm colours in order of appearance.
  var PALETTE = ['#cfe0fb', '#ddd5f8', '#c6eaee', '#f5d5ea', '#e2edc6', '#d3e2f1', '#f6e4c4', '#e3dbd2', '#d2f0e0', '#eadcf5'];
  var pcColors = {};
  var pcOrder = [];
  var calm = 0;
  function pcColor(pc) {
    if (pc in pcColors) { return pcColors[pc]; }
    var p = pc.toLowerCase();
    var c;
    if (/^(idle|done|live|quiet|none|clear_done|terminated)$/.test(p)) { c = '#eceff3'; }
    else if (/null|fail|oom|out_of_memory|error|kill|abort/.test(p)) { c = '#fbd7a5'; }
    else if (/sched|sleep|throttl|block|park/.test(p) || (/(^|_)wait(_|$)/.test(p) && !/nowait/.test(p))) { c = '#f7c4c4'; }
    else if (/hold|got|acquired|owned/.test(p)) { c = '#c4ead0'; }
    else { c = PALETTE[calm++ % PALETTE.length]; }
    pcColors[pc] = c;
    pcOrder.push(pc);
    return c;
  }
  var SERIES_COLORS = ['#2563eb', '#d9480f', '#2b8a3e', '#9c36b5', '#0b7285', '#c2255c', '#5c940d', '#e67700', '#364fc7', '#862e9c'];

  // ---- geometry shared by the lanes and the plot, so their columns line up ------------------
  var LABEL = 150;
  var longest = 4;
  steps.forEach(function (s) {
    data.lanes.forEach(function (l) { var pc = s.lanes[l.id].pc; if (pc) { longest = Math.max(longest, pc.length); } });
  });
  var W = Math.max(60, Math.min(140, Math.ceil(longest * 6.7) + 22));
  var TAIL = stutterAt >= 0 ? 140 : loop !== null ? 16 : 0;
  function colX(i) { return LABEL + i * W; }

  // ---- header --------------------------------------------------------------------------------
  // What the last state of a finite trace is: the reason the checker stopped there.
  var violation = data.meta.violation || '';
  var endNote = null;
  if (loop === null && stutterAt < 0) {
    if (violation === 'deadlock') { endNote = 'deadlock: no step is possible'; }
    else if (violation.indexOf('invariant:') === 0) { endNote = violation.substring(10) + ' violated'; }
    else if (violation === 'assert') { endNote = 'assertion fails'; }
  }
  var shape = $('shape');
  if (endNote !== null) {
    shape.textContent = 'step ' + (N - 1) + ': ' + endNote;
    shape.classList.add('end');
  } else if (loop !== null) {
    shape.textContent = 'lasso: step ' + (N - 1) + ' loops back to step ' + loop;
  } else if (stutterAt >= 0) {
    shape.textContent = 'stutters forever at step ' + stutterAt;
  }

  // ---- step list -----------------------------------------------------------------------------
  var list = $('steps');
  steps.forEach(function (s) {
    var li = document.createElement('li');
    li.id = 'step-' + s.index;
    li.dataset.step = s.index;
    if (s.loop) { li.classList.add('loop'); }
    if (s.stuttering) { li.classList.add('stuttering'); }
    var marks = '';
    if (loop !== null && s.index === loop) { marks += '<span class="mark loop-start" title="the lasso returns here">\u21BB loop</span>'; }
    if (s.stuttering) { marks += '<span class="mark stutter" title="nothing but stuttering from here on">stutters</span>'; }
    if (endNote !== null && s.index === N - 1) { marks += '<span class="mark stutter" id="end-mark" title="' + esc(endNote) + '">' + esc(violation === 'deadlock' ? 'deadlock' : 'violation') + '</span>'; }
    li.innerHTML = '<a class="n" href="#step-' + s.index + '" title="link to this step">' + s.index + '</a><span class="act">' + esc(actionText(s)) + '</span>'
      + (s.task ? '<span class="who">' + esc(s.task) + '</span>' : '') + marks;
    li.addEventListener('click', function () { show(s.index); });
    list.appendChild(li);
  });
  if (loop !== null) {
    var back = document.createElement('li');
    back.className = 'back';
    back.id = 'loop-back';
    back.dataset.loop = loop;
    var via = data.meta.loop_action ? esc(data.meta.loop_action) + (data.meta.loop_task ? ' <span class="who">' + esc(data.meta.loop_task) + '</span>' : '') + ': ' : '';
    back.innerHTML = '<span class="n">\u21BB</span><span>' + via + 'back to step ' + loop + ', forever</span>';
    list.appendChild(back);
  }

  // ---- swim lanes ----------------------------------------------------------------------------
  var lanes = $('lanes');
  (function buildLanes() {
    var html = '<colgroup><col style="width:' + LABEL + 'px">';
    for (var i = 0; i < N; i++) { html += '<col style="width:' + W + 'px">'; }
    html += '</colgroup><thead><tr><th class="corner">task</th>';
    steps.forEach(function (s) {
      html += '<th data-step="' + s.index + '" class="' + (s.loop ? 'loop' : '') + '" title="' + esc(s.index + ': ' + actionText(s) + (s.task ? ' (' + s.task + ')' : '')) + '">'
        + '<span class="sn">' + s.index + (s.stuttering ? ' \u2016' : '') + '</span><span class="an">' + esc(s.index === 0 ? 'init' : (s.action || '')) + '</span></th>';
    });
    html += '</tr></thead><tbody>';
    data.lanes.forEach(function (l) {
      // A liveness trace names the task whose call never returns: its lane is the one to watch.
      var stuck = data.meta.task !== undefined && data.meta.task !== null && (data.meta.task === l.id || data.meta.task === l.key);
      html += '<tr data-task="' + esc(l.id) + '"' + (stuck ? ' class="stuck"' : '') + '><th title="' + esc(l.var ? l.var + (l.key !== null ? '[' + l.key + ']' : '') : l.label) + '">' + esc(l.label) + (stuck ? ' <span class="stuck-tag" title="its request never returns">never returns</span>' : '') + '</th>';
      steps.forEach(function (s, i) {
        var c = s.lanes[l.id];
        var prev = i > 0 ? steps[i - 1].lanes[l.id].pc : undefined;
        var cls = [];
        if (c.acted) { cls.push('acted'); }
        if (c.pc === null) { cls.push('empty'); }
        else if (!c.acted && prev === c.pc) { cls.push('same'); }
        var tip = l.label + ' at step ' + i + (c.acted ? ' (took this step: ' + (s.action || '') + ')' : '');
        if (c.pc !== null && l.var) { tip += '\n' + l.var + ' = ' + c.pc; }
        Object.keys(c.vars).forEach(function (v) { if (v !== l.var) { tip += '\n' + v + ' = ' + c.vars[v]; } });
        var bg = c.pc === null ? '' : ' style="background:' + pcColor(c.pc) + '"';
        html += '<td data-step="' + i + '" data-pc="' + esc(c.pc === null ? '' : c.pc) + '" class="' + cls.join(' ') + '" title="' + esc(tip) + '">'
          + '<div class="cell"' + bg + '>' + esc(c.pc === null ? (c.acted ? 'acts' : '\u00B7') : c.pc) + '</div></td>';
      });
      html += '</tr>';
    });
    html += '</tbody>';
    lanes.innerHTML = html;
    lanes.style.width = (LABEL + N * W) + 'px';
    lanes.addEventListener('click', function (e) {
      var cell = e.target.closest('[data-step]');
      if (cell) { show(+cell.dataset.step); }
    });
  })();

  (function buildLegend() {
    var html = '';
    pcOrder.forEach(function (pc) {
      html += '<span data-pc="' + esc(pc) + '"><span class="sw" style="background:' + pcColors[pc] + '"></span>' + esc(pc) + '</span>';
    });
    if (html) { html += '<span>\u25B8 = the task that took the step</span>'; }
    $('pc-legend').innerHTML = html;
  })();

  // ---- plot of the integer state --------------------------------------------------------------
  var plot = $('plot');
  (function buildPlot() {
    var groups = [];
    var byVar = {};
    data.series.forEach(function (s) {
      if (!(s.var in byVar)) { byVar[s.var] = { name: s.var, series: [] }; groups.push(byVar[s.var]); }
      byVar[s.var].series.push(s);
    });
    if (groups.length === 0) {
      plot.innerHTML = '<p class="note">No integer-valued variables to plot.</p>';
      return;
    }
    var TOP = loop !== null ? 34 : stutterAt >= 0 ? 24 : 8;
    var y = TOP;
    var width = LABEL + N * W + TAIL;
    var body = '', under = '', after = '';
    groups.forEach(function (g, gi) {
      var constant = g.series.every(function (s) { return s.constant; });
      var h = constant ? 24 : (g.series.length > 1 ? 66 : 56);
      g.y = y; g.h = h;
      var lo = Infinity, hi = -Infinity;
      g.series.forEach(function (s) { s.values.forEach(function (v) { if (v !== null) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }); });
      if (lo === Infinity) { lo = 0; hi = 1; }
      lo = Math.min(lo, 0);
      if (hi <= lo) { hi = lo + 1; }
      var padT = constant ? 12 : 16, padB = constant ? 6 : 8;
      function yv(v) { return y + padT + (1 - (v - lo) / (hi - lo)) * (h - padT - padB); }
      body += '<g class="panel" data-var="' + esc(g.name) + '">';
      // Backgrounds go under the loop band and the cursor, the lines over them.
      if (gi % 2 === 0) { under += '<rect class="panel-bg" x="0" y="' + y + '" width="' + width + '" height="' + h + '"/>'; }
      under += '<line class="panel-sep" x1="0" x2="' + width + '" y1="' + (y + h) + '" y2="' + (y + h) + '"/>';
      body += '<text class="vname' + (constant ? ' const' : '') + '" x="6" y="' + (y + (constant ? 14 : 17)) + '">' + esc(g.name) + '</text>';
      if (constant) {
        // A variable that never changes gets one short row: its value, written over the flat line.
        var vals = g.series.length === 1 ? dash(g.series[0].values[0])
          : g.series.map(function (s) { return s.key + ': ' + dash(s.values[0]); }).join('   ');
        after += '<text class="const-val" x="' + (LABEL + 8) + '" y="' + (y + 14) + '">' + esc(vals) + '   (unchanged)</text>';
      }
      if (!constant) {
        body += '<line class="grid" x1="' + LABEL + '" x2="' + (LABEL + N * W) + '" y1="' + yv(hi) + '" y2="' + yv(hi) + '"/>';
        body += '<line class="grid" x1="' + LABEL + '" x2="' + (LABEL + N * W) + '" y1="' + yv(lo) + '" y2="' + yv(lo) + '"/>';
        body += '<text class="tick" x="' + (LABEL - 6) + '" y="' + (yv(hi) + 3) + '" text-anchor="end">' + hi + '</text>';
        body += '<text class="tick" x="' + (LABEL - 6) + '" y="' + (yv(lo) + 3) + '" text-anchor="end">' + lo + '</text>';
      }
      if (g.series.length > 1 && !constant) {
        body += '<text class="keylegend" x="6" y="' + (y + 32) + '">';
        g.series.forEach(function (s, si) {
          body += '<tspan fill="' + SERIES_COLORS[si % SERIES_COLORS.length] + '" dx="' + (si === 0 ? 0 : 6) + '">' + esc(s.key) + '</tspan>';
        });
        body += '</text>';
      }
      g.series.forEach(function (s, si) {
        var color = SERIES_COLORS[si % SERIES_COLORS.length];
        if (constant) { color = '#9aa3ae'; }
        // Step-shaped: a state's value holds for its whole column.
        var d = '', open = false;
        s.values.forEach(function (v, i) {
          if (v === null) { open = false; return; }
          var yy = constant ? y + h - 4 : yv(v) + (g.series.length > 1 ? (si - (g.series.length - 1) / 2) * 2 : 0);
          d += (open ? ' V' + yy.toFixed(1) : ' M' + colX(i) + ',' + yy.toFixed(1)) + ' H' + (colX(i) + W);
          open = true;
        });
        body += '<path class="line' + (constant ? ' const' : '') + '" data-series="' + esc(s.name) + '" stroke="' + color + '" d="' + d.trim() + '"><title>' + esc(s.name) + '</title></path>';
        var lastV = s.values[N - 1];
        if (stutterAt === N - 1 && lastV !== null && !constant) {
          var ys = yv(lastV) + (g.series.length > 1 && !constant ? (si - (g.series.length - 1) / 2) * 2 : 0);
          body += '<path class="stutter" d="M' + colX(N) + ',' + ys.toFixed(1) + ' H' + (colX(N) + TAIL - 16) + '"/>';
        }
        if (g.series.length === 1 && !constant) {
          s.values.forEach(function (v, i) {
            if (v === null) { return; }
            var changed = i > 0 && s.values[i - 1] !== v;
            body += '<text class="val' + (changed ? ' changed' : '') + '" data-step="' + i + '" x="' + (colX(i) + W / 2) + '" y="' + (yv(v) - 5) + '">' + v + '</text>';
          });
        }
      });
      body += '</g>';
      y += h;
    });
    var H = y + 4;
    var svg = '<svg id="plot-svg" width="' + width + '" height="' + H + '" viewBox="0 0 ' + width + ' ' + H + '" role="img" aria-label="integer state over the steps">' + under;
    if (loop !== null) {
      var xl = colX(loop), xr = colX(N);
      svg += '<rect class="loop-band" data-loop="' + loop + '" x="' + xl + '" y="' + (TOP - 4) + '" width="' + (xr - xl) + '" height="' + (H - TOP + 4) + '"/>';
    }
    svg += '<rect id="plot-cursor" data-step="0" x="' + colX(0) + '" y="0" width="' + W + '" height="' + H + '"/>';
    svg += '<line class="cursor-line" id="plot-cursor-line" x1="' + (colX(0) + W / 2) + '" x2="' + (colX(0) + W / 2) + '" y1="' + TOP + '" y2="' + (H - 2) + '"/>';
    svg += body;
    if (loop !== null) {
      // A bracket from the last step back to the loop's first, arrowhead down onto it.
      var a = colX(loop) + W / 2, z = colX(N - 1) + W / 2, top = 18;
      svg += '<g class="loop-mark"><path class="loop-arrow" d="M' + z + ',' + (TOP - 2) + ' V' + top + ' H' + a + ' V' + (TOP - 8) + '"/>'
        + '<path d="M' + (a - 4) + ',' + (TOP - 9) + ' L' + a + ',' + (TOP - 2) + ' L' + (a + 4) + ',' + (TOP - 9) + ' Z" fill="#7c3aed"/>'
        + '<text class="loop-text" x="' + (a + 6) + '" y="13">\u21BB loop: after step ' + (N - 1) + ' back to step ' + loop + '</text></g>';
    }
    if (stutterAt >= 0) {
      svg += '<text class="stutter-text" x="' + (colX(stutterAt + 1) + 4) + '" y="16">stutters forever \u2192</text>';
    }
    svg += after;
    for (var i = 0; i < N; i++) {
      var tip = 'step ' + i + ': ' + actionText(steps[i]) + (steps[i].task ? ' (' + steps[i].task + ')' : '');
      data.series.forEach(function (s) { if (!s.constant) { tip += '\n' + s.name + ' = ' + dash(s.values[i]); } });
      svg += '<rect class="hit" data-step="' + i + '" x="' + colX(i) + '" y="0" width="' + W + '" height="' + H + '"><title>' + esc(tip) + '</title></rect>';
    }
    svg += '</svg>';
    plot.innerHTML = svg;
    plot.addEventListener('click', function (e) {
      var r = e.target.closest('[data-step]');
      if (r && r.classList.contains('hit')) { show(+r.dataset.step); }
    });
  })();

  // ---- the current step -------------------------------------------------------------------
  function renderDiff(s) {
    var tbody = $('diff').tBodies[0];
    var note = $('diff-note');
    if (s.index === 0) {
      note.textContent = 'The initial state: there is no step before it.';
    } else if (s.changes.length === 0) {
      note.textContent = 'Nothing changed: a stuttering step.';
    } else {
      note.textContent = '';
    }
    tbody.innerHTML = s.changes.map(function (c) {
      return '<tr class="changed" data-var="' + esc(c.var) + '"' + (c.key !== null ? ' data-key="' + esc(c.key) + '"' : '') + '>'
        + '<td class="var">' + esc(c.label) + '</td><td class="before">' + esc(dash(c.before)) + '</td><td class="after">' + esc(dash(c.after)) + '</td></tr>';
    }).join('');
  }

  function renderState(s) {
    var changedVars = {}, changedKeys = {};
    s.changes.forEach(function (c) {
      changedVars[c.var] = true;
      if (c.key !== null) { changedKeys[c.var + '\u0000' + c.key] = true; }
    });
    var html = '';
    data.vars.forEach(function (v) {
      var val = s.values[v];
      var changed = !!changedVars[v];
      html += '<tr data-var="' + esc(v) + '"' + (changed ? ' class="changed"' : '') + '><th>' + esc(v) + '</th>';
      if (val.entries) {
        html += '<td><div class="entries">' + val.entries.map(function (e) {
          var ch = !!changedKeys[v + '\u0000' + e[0]];
          return '<span class="entry' + (ch ? ' changed' : '') + '" data-key="' + esc(e[0]) + '"><span class="k">' + esc(e[0]) + ' \u21A6 </span>' + esc(e[1]) + '</span>';
        }).join('') + '</div></td>';
      } else {
        html += '<td class="whole">' + esc(dash(val.text)) + '</td>';
      }
      html += '</tr>';
    });
    $('state').tBodies[0].innerHTML = html;
  }

  function markColumn(i) {
    lanes.querySelectorAll('.current').forEach(function (e) { e.classList.remove('current'); });
    lanes.querySelectorAll('[data-step="' + i + '"]').forEach(function (e) { e.classList.add('current'); });
    lanes.dataset.current = i;
    var cursor = $('plot-cursor');
    if (cursor) {
      cursor.setAttribute('x', colX(i));
      cursor.setAttribute('data-step', i);
      var line = $('plot-cursor-line');
      line.setAttribute('x1', colX(i) + W / 2);
      line.setAttribute('x2', colX(i) + W / 2);
    }
    // The declared plots (inline SVG, drawn when the page was made): their cursor to step i.
    document.querySelectorAll('#plots .decl-plot').forEach(function (fig) {
      var pt = fig.querySelector('.pt[data-step="' + i + '"]');
      var line = fig.querySelector('.plot-cursor');
      if (pt && line) { line.setAttribute('x1', pt.getAttribute('cx')); line.setAttribute('x2', pt.getAttribute('cx')); }
    });
    // Keep the current column in view without moving the page.
    var sc = $('timeline-scroll');
    var left = colX(i);
    if (left - LABEL < sc.scrollLeft) {
      sc.scrollLeft = Math.max(0, left - LABEL - W);
    } else if (left + W > sc.scrollLeft + sc.clientWidth) {
      sc.scrollLeft = left + 2 * W - sc.clientWidth;
    }
  }

  function markList(i) {
    var items = list.querySelectorAll('li[data-step]');
    items.forEach(function (li) { li.classList.toggle('current', +li.dataset.step === i); });
    var li = items[i];
    var panel = $('steps-panel');
    if (li.offsetTop < panel.scrollTop + 30) {
      panel.scrollTop = li.offsetTop - 30;
    } else if (li.offsetTop + li.offsetHeight > panel.scrollTop + panel.clientHeight) {
      panel.scrollTop = li.offsetTop + li.offsetHeight - panel.clientHeight + 8;
    }
  }

  function show(i) {
    i = clamp(i);
    cur = i;
    var s = steps[i];
    $('step-index').textContent = i;
    var slider = $('slider');
    if (+slider.value !== i) { slider.value = i; }
    var action = $('action');
    action.textContent = actionText(s);
    action.classList.toggle('initial', i === 0);
    $('task').textContent = s.task || '';
    var flags = '';
    if (loop !== null && i === loop) { flags += '<span class="badge flag-loop">loop starts</span>'; }
    else if (s.loop) { flags += '<span class="badge flag-loop">in loop</span>'; }
    if (loop !== null && i === N - 1) { flags += '<span class="badge flag-loop">next: back to ' + loop + '</span>'; }
    if (s.stuttering) { flags += '<span class="badge flag-stutter">stutters forever</span>'; }
    if (endNote !== null && i === N - 1) { flags += '<span class="badge flag-stutter">' + esc(endNote) + '</span>'; }
    $('step-flags').innerHTML = flags;
    $('first').disabled = $('prev').disabled = i === 0;
    $('next').disabled = $('last').disabled = i === N - 1;
    document.body.dataset.step = i;
    var v = $('violated');
    if (v) { v.classList.toggle('current', +v.dataset.step === i); }
    renderDiff(s);
    renderState(s);
    markColumn(i);
    markList(i);
  }

  $('first').addEventListener('click', function () { show(0); });
  $('prev').addEventListener('click', function () { show(cur - 1); });
  $('next').addEventListener('click', function () { show(cur + 1); });
  $('last').addEventListener('click', function () { show(N - 1); });
  $('slider').addEventListener('input', function (e) { show(+e.target.value); });
  lanes.querySelector('thead').addEventListener('click', function (e) {
    var th = e.target.closest('th[data-step]');
    if (th) { show(+th.dataset.step); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey) { return; }
    // The slider moves itself on these keys (and tells us through 'input').
    if (e.target && e.target.id === 'slider') { return; }
    var to = null;
    switch (e.key) {
      case 'ArrowLeft': to = cur - 1; break;
      case 'ArrowRight': to = cur + 1; break;
      case 'Home': to = 0; break;
      case 'End': to = N - 1; break;
      default: return;
    }
    e.preventDefault();
    show(to);
  });

  // #step-N opens the page at that step (the list item is the link's target, so the browser
  // scrolls it into view); following a step link on the page does the same.
  function fromHash() {
    var m = /^#step-(\d+)$/.exec(location.hash);
    if (m && +m[1] < N) { show(+m[1]); $('step-' + (+m[1])).scrollIntoView({ block: 'nearest' }); return true; }
    return false;
  }
  window.addEventListener('hashchange', fromHash);
  var plots = $('plots');
  if (plots) {
    plots.addEventListener('click', function (e) {
      var pt = e.target.closest('.pt[data-step]');
      if (pt) { show(+pt.dataset.step); }
    });
  }

  window.traceViewer = { show: show, current: function () { return cur; }, size: N };
  if (!fromHash()) { show(0); }
})();
