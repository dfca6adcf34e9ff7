// The web page around Web Chat: a demo login that asks the bot's local issuer for a
// token, and a store middleware that puts that token into every activity's channelData.
// Logging out (the button, or «logga ut» in the chat) forgets the token and starts a new,
// empty chat, so nothing personal stays on the screen.
(function () {
  'use strict';
  // The page's settings come as data, not as a script: the Content-Security-Policy allows no inline scripts.
  var config = JSON.parse(document.getElementById('tidbok-config').textContent);
  var texts = config.texts;
  var token = sessionStorage.getItem('tidbok-token') || undefined;
  var name = sessionStorage.getItem('tidbok-name') || undefined;
  var status = document.getElementById('status');
  var loginForm = document.getElementById('login');
  var logoutButton = document.getElementById('logout');
  var select = document.getElementById('person');

  function show(message) {
    if (token) {
      status.textContent = texts.loggedInAs.replace('{name}', name);
      status.classList.add('logged-in');
    } else {
      status.textContent = message || texts.notLoggedIn;
      status.classList.remove('logged-in');
    }
    loginForm.hidden = !config.demo || Boolean(token);
    logoutButton.hidden = !token;
  }

  function remember(newToken, newName, message) {
    token = newToken;
    name = newName;
    if (token) {
      sessionStorage.setItem('tidbok-token', token);
      sessionStorage.setItem('tidbok-name', name);
    } else {
      sessionStorage.removeItem('tidbok-token');
      sessionStorage.removeItem('tidbok-name');
    }
    show(message);
  }

  function sendEvent(name) {
    if (store) store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: name } });
  }

  function logOut() {
    // The bot forgets the conversation first (the event carries the token), then a new chat starts.
    if (token) sendEvent(config.logoutEvent);
    remember(undefined, undefined, texts.loggedOut);
    sessionStorage.removeItem(CHAT_KEY);
    setTimeout(function () {
      startChat(false);
    }, 300);
  }

  if (config.demo) {
    fetch('/api/demo/people')
      .then(function (res) {
        return res.json();
      })
      .then(function (people) {
        people.forEach(function (p) {
          var option = document.createElement('option');
          option.value = p.personnummer;
          option.textContent = p.name + ' (' + p.personnummer.slice(0, 8) + '-' + p.personnummer.slice(8) + ')';
          select.appendChild(option);
        });
      });
    loginForm.addEventListener('submit', function (event) {
      event.preventDefault();
      fetch('/api/demo/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personnummer: select.value }),
      })
        .then(function (res) {
          if (!res.ok) throw new Error(String(res.status));
          return res.json();
        })
        .then(function (body) {
          remember(body.token, body.name);
          // The bot greets the resident by name and asks what they want.
          sendEvent(config.loginEvent);
          document.querySelector('#webchat textarea, #webchat input')?.focus();
        })
        .catch(function () {
          status.textContent = texts.loginFailed;
        });
    });
  }
  logoutButton.addEventListener('click', logOut);
  show();

  function createStore() {
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          var incoming = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload.activity;
          if (incoming && incoming.type === 'event' && incoming.name === config.logoutEvent) {
            setTimeout(logOut, 0);
            return next(action);
          }
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && token) {
            var activity = action.payload.activity;
            var channelData = Object.assign({}, activity.channelData, { authToken: token });
            action = Object.assign({}, action, {
              payload: Object.assign({}, action.payload, {
                activity: Object.assign({}, activity, { channelData: channelData }),
              }),
            });
          }
          // The conversation and its current token are kept for this tab, so that a reload continues it.
          if (directLine && directLine.conversationId && directLine.token) {
            sessionStorage.setItem(
              CHAT_KEY,
              JSON.stringify({ conversationId: directLine.conversationId, token: directLine.token }),
            );
          }
          return next(action);
        };
      };
    });
  }

  var chatElement = document.getElementById('webchat');
  var directLine;
  var store;

  // A second click on the same button in the chat within a moment of the first is dropped:
  // it would send the answer twice, and Web Chat's focus handling for two quick clicks can
  // leave the text box read-only.
  var lastClick = { label: '', at: 0 };
  chatElement.addEventListener(
    'click',
    function (event) {
      var button = event.target instanceof Element && event.target.closest('button');
      if (!button) return;
      var now = Date.now();
      var label = button.textContent || '';
      if (event.detail > 1 || (label === lastClick.label && now - lastClick.at < 800)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
      lastClick = { label: label, at: now };
    },
    true,
  );

  var CHAT_KEY = 'tidbok-chat';

  /** The conversation of this tab before a reload, if there was one. */
  function savedChat() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(CHAT_KEY) || 'null');
      return saved && typeof saved.conversationId === 'string' && typeof saved.token === 'string' ? saved : undefined;
    } catch (e) {
      return undefined;
    }
  }

  /**
   * The conversation of this tab, continued after a reload when `resume` is set and the
   * bot still has it; otherwise a new one, with nothing of the one before on the screen.
   */
  /** Whether the server answers: a lost connection is taken up again once it does. */
  function serverUp() {
    return fetch('/healthz', { cache: 'no-store' }).then(
      function (r) {
        return r.ok;
      },
      function () {
        return false;
      },
    );
  }

  var recovering = false;
  /**
   * The connection was lost (the server restarted, the network dropped): once the server
   * answers again, the same conversation continues, its messages on the screen as before.
   */
  function recover() {
    if (recovering) return;
    recovering = true;
    // Assistive technology (and a test) can tell that the chat is waiting to reconnect.
    chatElement.setAttribute('aria-busy', 'true');
    (function attempt() {
      serverUp().then(function (up) {
        if (!up) return void setTimeout(attempt, 2000);
        recovering = false;
        chatElement.removeAttribute('aria-busy');
        startChat(true);
      });
    })();
  }

  // Web Chat stops fetching new messages for good after one failed fetch, without saying
  // so (its connection status stays online). A request to Direct Line that the server did
  // not answer starts the recovery: once the server answers again, the conversation is
  // taken up again.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.tidbokDirectLine = String(url).indexOf('/v3/directline/') >= 0;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    if (xhr.tidbokDirectLine)
      xhr.addEventListener('loadend', function () {
        if (xhr.status === 0 || xhr.status >= 502) recover();
      });
    return send.apply(this, arguments);
  };

  function startChat(resume) {
    var previous = directLine;
    directLine = undefined;
    if (previous) previous.end();
    var saved = resume ? savedChat() : undefined;
    if (!saved) sessionStorage.removeItem(CHAT_KEY);
    directLine = window.WebChat.createDirectLine(
      Object.assign(
        { domain: location.origin + '/v3/directline', webSocket: false, pollingInterval: 300 },
        saved ? { token: saved.token, conversationId: saved.conversationId } : { token: 'local' },
      ),
    );
    var current = directLine;
    var online = false;
    current.connectionStatus$.subscribe(function (status) {
      if (current !== directLine) return;
      if (status === 2) online = true;
      // 4: failed to connect, 5: ended.
      if (status !== 4 && status !== 5) return;
      // A conversation the bot no longer has (expired, forgotten) gives way to a new one;
      // one the server could not be reached for is taken up again later.
      if (saved && !online)
        serverUp().then(function (up) {
          if (current !== directLine) return;
          if (up) startChat(false);
          else recover();
        });
      else recover();
    });
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: (store = createStore()),
        userID: 'webchat-' + Math.random().toString(36).slice(2),
        username: 'Invånare',
        locale: 'sv-SE',
        // Web Chat's own Swedish, where it reads oddly.
        overrideLocalizedStrings: {
          ACTIVITY_STATUS_SEND_FAILED_RETRY: 'Det gick inte att skicka. [Försök igen][RETRY].',
          ACTIVITY_BOT_ATTACHED_ALT: 'Boten skickade:',
        },
        styleOptions: {
          accent: '#003d7a',
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
          bubbleBorderRadius: 10,
          bubbleFromUserBackground: '#e8f0f8',
          bubbleFromUserBorderRadius: 10,
          // On a phone the choices are stacked full-width buttons with their whole labels.
          suggestedActionLayout: window.innerWidth < 600 ? 'stacked' : 'flow',
          // Whole labels, wrapped; a long list scrolls inside its own box instead of hiding the conversation.
          suggestedActionsStackedLayoutButtonTextWrap: true,
          suggestedActionsStackedHeight: 240,
          suggestedActionsStackedOverflow: 'auto',
          suggestedActionBorderRadius: 8,
          suggestedActionHeight: 'auto',
          hideUploadButton: true,
          sendBoxTextWrap: true,
          botAvatarInitials: '1177',
          userAvatarInitials: 'Du',
          botAvatarBackgroundColor: '#003d7a',
          rootHeight: '100%',
        },
      },
      chatElement,
    );
  }

  startChat(true);
})();
