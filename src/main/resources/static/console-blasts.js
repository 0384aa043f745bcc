// The blast page's live part: every two seconds it asks /console/blasts/{id}/progress and moves the progress bar,
// the outcome counts and the send-rate line. The page is complete without it (the numbers at load). When the
// blast's state changes the page is loaded again, so its buttons are the ones the new state allows.
(function () {
	'use strict';
	var main = document.getElementById('main');
	var url = main && main.getAttribute('data-progress-url');
	var state = main && main.getAttribute('data-state');
	// Each poll counts as activity for the session: a page left open unattended (a blast can wait days for approval,
	// a schedule or a resume) must not keep its organizer signed in for ever. So polling stops 20 minutes after the
	// last key or pointer input, and the session's own idle timeout takes over.
	var FINAL = ['SENT', 'CANCELLED', 'EXPIRED'];
	if (!url || FINAL.indexOf(state) >= 0) {
		return;
	}
	var IDLE_STOP = 20 * 60 * 1000;
	var lastInput = Date.now();
	['keydown', 'pointerdown', 'pointermove', 'wheel'].forEach(function (kind) {
		document.addEventListener(kind, function () { lastInput = Date.now(); }, { passive: true });
	});
	var rates = [];
	var WIDTH = 300, HEIGHT = 80, POINTS = 60;

	function set(id, value) {
		var element = document.getElementById(id);
		if (element && value !== undefined && value !== null) {
			element.textContent = String(value);
		}
	}

	function draw(rate) {
		rates.push(rate);
		if (rates.length > POINTS) {
			rates.shift();
		}
		var line = document.getElementById('rate-line');
		if (!line) {
			return;
		}
		var most = Math.max.apply(null, rates.concat([1]));
		var step = WIDTH / (POINTS - 1);
		line.setAttribute('points', rates.map(function (r, i) {
			return (i * step).toFixed(1) + ',' + (HEIGHT - 2 - (r / most) * (HEIGHT - 6)).toFixed(1);
		}).join(' '));
	}

	function show(progress) {
		if (progress.state !== state) {
			window.location.reload();
			return;
		}
		if (progress.total === undefined) {
			return;
		}
		var bar = document.getElementById('blast-progress');
		if (!bar) {
			// The snapshot was taken since the page loaded: the progress part is drawn by the server.
			window.location.reload();
			return;
		}
		bar.max = Math.max(progress.total, 1);
		bar.value = progress.done;
		['sent', 'deferred', 'failed', 'skipped', 'expired', 'pending', 'perSecond'].forEach(function (name) {
			set('count-' + name, progress[name]);
		});
		var text = document.getElementById('progress-text');
		if (text) {
			text.textContent = text.textContent.replace(/\d+/, progress.done).replace(/(\D+)\d+/, '$1' + progress.total)
				.replace(/\((\d+)/, '(' + progress.sent);
		}
		draw(progress.perSecond || 0);
	}

	function poll() {
		if (Date.now() - lastInput > IDLE_STOP) {
			return;
		}
		fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
			.then(function (answer) {
				if (!answer.ok) {
					throw new Error(answer.status);
				}
				return answer.json();
			})
			.then(function (progress) {
				show(progress);
				if (!progress.final) {
					window.setTimeout(poll, 2000);
				}
			})
			.catch(function () {
				// A signed-out session or a restart: try again a little later, the page still shows the last numbers.
				window.setTimeout(poll, 10000);
			});
	}

	window.setTimeout(poll, 2000);
}());
