(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('#verdicts tbody tr'));
  var only = document.getElementById('only-problems');
  var filter = document.getElementById('filter');
  var count = document.getElementById('shown-count');
  function apply() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (r) {
      var text = r.textContent.toLowerCase();
      var ok = (!only.checked || r.dataset.outcome !== 'match')
        && words.every(function (w) { return text.indexOf(w) >= 0; });
      r.classList.toggle('hidden', !ok);
      if (ok) { shown++; }
    });
    count.textContent = shown === rows.length ? '' : shown + ' of ' + rows.length + ' shown';
  }
  only.addEventListener('change', apply);
  filter.addEventListener('input', apply);
  apply();
})();
