// The template editor's live preview: a moment after the organizer stops typing, the same form is posted to
// /console/templates/{name}/preview and the preview section is swapped for the server's. Without this script the
// Preview button does the same with a whole page.
(function () {
	'use strict';
	var form = document.getElementById('editor');
	var status = document.getElementById('preview-status');
	if (!form || !window.fetch || !window.URLSearchParams) {
		return;
	}
	var timer = null;
	var latest = 0;

	function refresh() {
		var body = new URLSearchParams(new FormData(form));
		body.delete('action');
		var mine = ++latest;
		fetch(form.getAttribute('data-preview'), { method: 'POST', body: body, credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
			.then(function (response) { return response.ok ? response.text() : null; })
			.then(function (html) {
				// An answer overtaken by a newer one, or a sign-in page after the session ended, changes nothing.
				if (html === null || mine !== latest) {
					return;
				}
				var parsed = document.createElement('template');
				parsed.innerHTML = html;
				var fresh = parsed.content.querySelector('#preview');
				var old = document.getElementById('preview');
				if (fresh && old) {
					old.replaceWith(fresh);
					if (status) {
						status.textContent = form.getAttribute('data-updated');
					}
				}
			})
			.catch(function () { /* offline: the Preview button still works */ });
	}

	form.addEventListener('input', function () {
		window.clearTimeout(timer);
		timer = window.setTimeout(refresh, 400);
	});
}());
