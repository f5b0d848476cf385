// 市民活動団体の一覧を、ページを移らずに分野・地域で絞り込む。
// Without JavaScript the form stays hidden and the links to the static pages per
// 分野/地域 (groups/fields/…/, groups/area/…/) do the same job.
(function () {
  'use strict';
  var form = document.getElementById('group-filter');
  if (!form) return;
  var field = form.elements.namedItem('field');
  var area = form.elements.namedItem('area');
  var status = form.querySelector('[role="status"]');
  var items = Array.prototype.slice.call(document.querySelectorAll('.group-list > li'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('.gojuon-row'));

  // Each jump link with the plain label that stands in for it while its row is empty.
  var jumps = Array.prototype.slice.call(document.querySelectorAll('.gojuon a')).map(function (link) {
    var id = decodeURIComponent(link.hash.slice(1));
    var empty = document.createElement('span');
    empty.className = 'gojuon-empty';
    empty.textContent = link.textContent;
    return { link: link, empty: empty, row: document.getElementById(id) };
  });

  function matches(li) {
    var f = field ? field.value : '';
    var a = area ? area.value : '';
    var fields = (li.getAttribute('data-fields') || '').split(' ');
    return (!f || fields.indexOf(f) >= 0) && (!a || li.getAttribute('data-area') === a);
  }

  function apply() {
    var shown = 0;
    items.forEach(function (li) {
      li.hidden = !matches(li);
      if (!li.hidden) shown++;
    });
    rows.forEach(function (row) {
      row.hidden = !row.querySelector('.group-list > li:not([hidden])');
    });
    jumps.forEach(function (j) {
      var live = j.row && !j.row.hidden;
      var current = live ? j.link : j.empty;
      var other = live ? j.empty : j.link;
      if (other.parentNode) other.parentNode.replaceChild(current, other);
    });
    status.textContent = shown === 0 ? '該当する団体はありません。'
      : shown + '団体を表示しています（全' + items.length + '団体）。';
  }

  form.hidden = false;
  // The in-page filter replaces the list of filter links, which would say the same twice.
  var links = document.querySelector('details.filters');
  if (links) links.hidden = true;
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
})();
