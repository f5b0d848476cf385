// kyodo forms: enhancements on top of forms that already work without JavaScript.
// - On submit, an error summary at the top (GOV.UK pattern): role="alert" on an inner
//   element, focus moves to it, each error links to its field, the page title gets
//   「エラー：」. The same words appear beside each field. Messages come from the
//   page (data-msg-*), written at build time.
// - A live character count for text areas with a length limit.
// - Full-width digits typed by an IME become half-width in 郵便番号 and 電話番号.
// - A print button on printable 様式, and a date filled in on screen printed as itself.
(function () {
  'use strict';

  var SUMMARY_TITLE = '入力内容を確認してください';
  var TITLE_PREFIX = 'エラー：';
  var originalTitle = document.title;

  function controlsOf(group) {
    return Array.prototype.slice.call(group.querySelectorAll('input, select, textarea'));
  }

  // 全角数字・ハイフン → 半角 (郵便番号・電話番号 typed with an IME).
  function toHalfWidth(value) {
    return value
      .replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/[－ー―‐−]/g, '-')
      .replace(/^〒\s*/, '');
  }

  function normalise(control) {
    if (control.type !== 'tel' && control.getAttribute('inputmode') !== 'numeric') return;
    var v = toHalfWidth(control.value);
    if (v !== control.value) control.value = v;
  }

  // The message for one field group, or '' when it is fine.
  function messageFor(group) {
    var controls = controlsOf(group);
    if (!controls.length) return '';
    if (group.hasAttribute('data-kform-group')) {
      var checked = controls.some(function (c) { return c.checked; });
      var required = group.hasAttribute('data-required-group') || controls[0].required;
      return required && !checked ? group.getAttribute('data-msg-missing') : '';
    }
    var c = controls[0];
    normalise(c);
    var v = c.validity;
    if (v.valid) return '';
    if (v.valueMissing) return c.getAttribute('data-msg-missing');
    if (v.tooLong) return c.getAttribute('data-msg-long') || c.validationMessage;
    if (v.rangeUnderflow || v.rangeOverflow) return c.getAttribute('data-msg-range') || c.validationMessage;
    return c.getAttribute('data-msg-format') || c.validationMessage;
  }

  function clearErrors(form) {
    var summary = document.querySelector('.kform-error-summary');
    if (summary) summary.parentNode.removeChild(summary);
    Array.prototype.forEach.call(form.querySelectorAll('.kform-error'), function (e) { e.parentNode.removeChild(e); });
    Array.prototype.forEach.call(form.querySelectorAll('[data-kform-describedby]'), function (el) {
      var before = el.getAttribute('data-kform-describedby');
      if (before) el.setAttribute('aria-describedby', before);
      else el.removeAttribute('aria-describedby');
      el.removeAttribute('data-kform-describedby');
    });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (el) { el.removeAttribute('aria-invalid'); });
    Array.prototype.forEach.call(form.querySelectorAll('.kform-group-error'), function (g) { g.classList.remove('kform-group-error'); });
    document.title = originalTitle;
  }

  function describe(el, id) {
    var before = el.getAttribute('aria-describedby') || '';
    el.setAttribute('data-kform-describedby', before);
    el.setAttribute('aria-describedby', (before ? before + ' ' : '') + id);
  }

  // The inline message goes after the hint, before the control (GOV.UK order).
  function showInline(group, message) {
    var controls = controlsOf(group);
    var first = controls[0];
    var p = document.createElement('p');
    p.className = 'kform-error';
    p.id = first.id + '-error';
    var hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = 'エラー：';
    p.appendChild(hidden);
    p.appendChild(document.createTextNode(message));
    var before = group.querySelector('.kform-choices, .kform-choice, .kform-input');
    before.parentNode.insertBefore(p, before);
    group.classList.add('kform-group-error');
    if (group.hasAttribute('data-kform-group')) {
      describe(group, p.id);
    } else {
      describe(first, p.id);
    }
    controls.forEach(function (c) { c.setAttribute('aria-invalid', 'true'); });
    return first;
  }

  function labelOf(control) {
    var group = control.closest('.kform-group');
    return group.querySelector('legend') || group.querySelector('label[for="' + control.id + '"]') || control;
  }

  function showSummary(errors) {
    var box = document.createElement('div');
    box.className = 'kform-error-summary';
    box.tabIndex = -1;
    var alert = document.createElement('div');
    alert.setAttribute('role', 'alert');
    var h = document.createElement('h2');
    h.className = 'kform-error-summary-title';
    h.textContent = SUMMARY_TITLE;
    var list = document.createElement('ul');
    list.className = 'kform-error-list';
    errors.forEach(function (e) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '#' + e.control.id;
      a.textContent = e.message;
      a.addEventListener('click', function (ev) {
        ev.preventDefault();
        e.control.focus();
        labelOf(e.control).scrollIntoView();  // keep the question in view, not just the box
      });
      li.appendChild(a);
      list.appendChild(li);
    });
    alert.appendChild(h);
    alert.appendChild(list);
    box.appendChild(alert);
    var h1 = document.querySelector('main h1');
    var after = h1.nextElementSibling && h1.nextElementSibling.classList.contains('page-meta') ? h1.nextElementSibling : h1;
    after.parentNode.insertBefore(box, after.nextSibling);
    document.title = TITLE_PREFIX + originalTitle;
    box.focus();
  }

  function onSubmit(form, event) {
    clearErrors(form);
    var errors = [];
    Array.prototype.forEach.call(form.querySelectorAll('.kform-group'), function (group) {
      var message = messageFor(group);
      if (message) errors.push({ control: showInline(group, message), message: message });
    });
    if (errors.length) {
      event.preventDefault();
      showSummary(errors);
    }
  }

  // 「あと N 文字」: shown at once, told to screen readers after a pause in typing.
  function addCounter(area) {
    var max = parseInt(area.getAttribute('maxlength'), 10);
    var shown = document.createElement('p');
    shown.className = 'kform-count';
    shown.setAttribute('aria-hidden', 'true');
    var live = document.createElement('p');
    live.className = 'visually-hidden';
    live.setAttribute('aria-live', 'polite');
    area.parentNode.insertBefore(live, area.nextSibling);
    area.parentNode.insertBefore(shown, area.nextSibling);
    var timer = null;
    function text() {
      var left = max - area.value.length;
      return left > 0 ? 'あと' + left + '文字入力できます' : '入力できる文字数の上限です（' + max + '文字）';
    }
    function update() {
      shown.textContent = text();
      clearTimeout(timer);
      timer = setTimeout(function () { live.textContent = text(); }, 1000);
    }
    shown.textContent = text();
    area.addEventListener('input', update);
  }

  function addPrintButton(sheet) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'kform-print-button';
    button.textContent = 'この様式を印刷する';
    button.addEventListener('click', function () { window.print(); });
    sheet.parentNode.insertBefore(button, sheet);
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-kform]'), function (form) {
    // The browser's own bubbles are replaced by the summary; without this script they stay.
    form.setAttribute('novalidate', '');
    form.addEventListener('submit', function (event) { onSubmit(form, event); });
  });
  Array.prototype.forEach.call(document.querySelectorAll('.kform textarea[maxlength]'), addCounter);
  Array.prototype.forEach.call(document.querySelectorAll('.kform input'), function (c) {
    c.addEventListener('change', function () { normalise(c); });
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-kform-print]'), addPrintButton);
  // A date typed on screen prints as itself; an empty one as the 「年 月 日」 line (style.css).
  Array.prototype.forEach.call(document.querySelectorAll('[data-kform-print] input[type="date"]'), function (c) {
    c.addEventListener('input', function () { c.toggleAttribute('data-kform-filled', c.value !== ''); });
  });
})();
