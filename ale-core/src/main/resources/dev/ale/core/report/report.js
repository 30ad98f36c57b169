(function () {
  var controls = document.getElementById('controls');
  if (!controls) { return; }
  controls.hidden = false;
  var rows = Array.prototype.slice.call(document.querySelectorAll('details.task'));
  var query = document.getElementById('filter');
  var outcome = document.getElementById('outcome');
  var shown = document.getElementById('shown');
  function apply() {
    var text = query.value.trim().toLowerCase();
    var want = outcome.value;
    var count = 0;
    rows.forEach(function (row) {
      var ok = (!text || row.getAttribute('data-search').indexOf(text) >= 0)
        && (!want || (' ' + row.getAttribute('data-outcomes') + ' ').indexOf(' ' + want + ' ') >= 0);
      row.hidden = !ok;
      if (ok) { count++; }
    });
    shown.textContent = count + ' of ' + rows.length + ' tasks';
  }
  query.addEventListener('input', apply);
  outcome.addEventListener('change', apply);
  document.getElementById('expand').addEventListener('click', function () {
    rows.forEach(function (row) { if (!row.hidden) { row.open = true; } });
  });
  document.getElementById('collapse').addEventListener('click', function () {
    rows.forEach(function (row) { row.open = false; });
  });
  var openedForPrint = [];
  window.addEventListener('beforeprint', function () {
    openedForPrint = rows.filter(function (row) { return !row.open; });
    openedForPrint.forEach(function (row) { row.open = true; });
  });
  window.addEventListener('afterprint', function () {
    openedForPrint.forEach(function (row) { row.open = false; });
    openedForPrint = [];
  });
})();
