// Page behaviour Streamlit has no setting for; mounted once per run by painchat/ui/page.py.
// It runs in the app's own document (a components.v2 component, no iframe, no network access).
//
// - a polite live region that tells screen readers a new answer arrived;
// - each new reply scrolled so that its start (an emergency's title) is in view;
// - the collapsed sidebar made inert, so Tab never lands on links nobody can see;
// - the conversation's questions kept in this tab's sessionStorage, so that after a server restart
//   Python can ask them again and restore the conversation (nothing else is stored, nothing sent);
// - Streamlit's connection-error dialog replaced by a plain notice in the app's own words.

const STORAGE_KEY = "painchat-conversation";
const LIVE_ID = "painchat-live";
const OFFLINE_ID = "painchat-offline";
// Streamlit's own connection-error texts (streamlit 1.67 frontend), recognised to replace them.
const STREAMLIT_OFFLINE = ["is not responding", "Is Streamlit still running", "Connection error"];

// A restore request sent in the instant the socket reopens can be dropped by Streamlit ("Cannot send
// message when server is disconnected"); it is sent again until a run of the new server draws this
// component, which means the request arrived (a run that is still restoring ignores repeats).
const RESTORE_RETRY_MS = 5000;
const RESTORE_TRIES = 24;

const state = {
  announced: null, scrolled: null, observer: null, offline: false, setTriggerValue: null, texts: {}, renders: 0,
};

function storedQuestions() {
  try {
    const value = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || "[]");
    return Array.isArray(value) ? value.filter((q) => typeof q === "string") : [];
  } catch {
    return []; // storage blocked (privacy settings) or damaged: nothing to restore
  }
}

function storeQuestions(questions) {
  try {
    if (questions.length) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(questions));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage blocked: the conversation simply cannot be restored after a restart
  }
}

function visuallyHidden(element) {
  Object.assign(element.style, {
    position: "absolute", width: "1px", height: "1px", padding: "0", margin: "-1px",
    overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: "0",
  });
}

// Outside Streamlit's React tree, so reruns never remove it and screen readers keep watching it.
function liveRegion() {
  let region = document.getElementById(LIVE_ID);
  if (!region) {
    region = document.createElement("div");
    region.id = LIVE_ID;
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    region.setAttribute("aria-atomic", "true");
    visuallyHidden(region);
    document.body.appendChild(region);
  }
  return region;
}

function announce(announcement) {
  if (!announcement || announcement.id === state.announced) return;
  state.announced = announcement.id;
  const region = liveRegion();
  region.textContent = "";
  // A fresh text node after a tick is what makes every screen reader speak it.
  window.setTimeout(() => { region.textContent = announcement.text; }, 100);
}

// Waits for the reply's block to be drawn, then scrolls so its start sits under the page top.
function scrollToReply(replyClass) {
  if (!replyClass || replyClass === state.scrolled) return;
  state.scrolled = replyClass;
  let tries = 0;
  const attempt = () => {
    const reply = document.querySelector(`.${replyClass}`);
    if (reply) {
      reply.scrollIntoView({ block: "start", behavior: "instant" });
      // Streamlit may still be laying out the sources below; make sure the start stays put.
      window.setTimeout(() => reply.scrollIntoView({ block: "start", behavior: "instant" }), 300);
    } else if (++tries < 50) {
      window.setTimeout(attempt, 100);
    }
  };
  attempt();
}

function updateSidebar() {
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  if (!sidebar) return;
  // streamlit 1.67 marks it data-collapsed; older versions used aria-expanded.
  const collapsed =
    sidebar.getAttribute("data-collapsed") === "true" || sidebar.getAttribute("aria-expanded") === "false";
  if (collapsed !== sidebar.hasAttribute("inert")) sidebar.toggleAttribute("inert", collapsed);
}

function streamlitOfflineDialog() {
  for (const dialog of document.querySelectorAll('[role="dialog"]')) {
    if (STREAMLIT_OFFLINE.some((text) => dialog.textContent.includes(text))) return dialog;
  }
  return null;
}

function offlineNotice() {
  let notice = document.getElementById(OFFLINE_ID);
  if (!notice) {
    notice = document.createElement("div");
    notice.id = OFFLINE_ID;
    notice.setAttribute("role", "alert");
    notice.className = "painchat-offline";
    document.body.appendChild(notice);
  }
  return notice;
}

function isOffline() {
  return Boolean(streamlitOfflineDialog() || document.querySelector('[data-testid="stConnectionStatus"]'));
}

function updateConnection() {
  const dialog = streamlitOfflineDialog();
  if (dialog) {
    // Hide Streamlit's technical wording ("Are you connected to the internet?"), not the page.
    (dialog.closest('[data-baseweb="modal"]') || dialog).style.display = "none";
  }
  if (isOffline()) {
    state.offline = true;
    const notice = offlineNotice();
    if (notice.textContent !== state.texts.offline) notice.textContent = state.texts.offline || "";
  } else if (state.offline) {
    state.offline = false;
    document.getElementById(OFFLINE_ID)?.remove();
    // Streamlit does not rerun by itself after reconnecting to a restarted server (the page
    // would show a conversation the new server does not know): ask for a run that restores it.
    requestRestore();
  }
}

function requestRestore() {
  const questions = storedQuestions();
  if (!questions.length || !state.setTriggerValue) return;
  const rendersBefore = state.renders;
  let tries = 0;
  const attempt = () => {
    if (state.renders !== rendersBefore || tries++ >= RESTORE_TRIES) return;
    if (!state.offline) state.setTriggerValue("restore", questions);
    window.setTimeout(attempt, RESTORE_RETRY_MS);
  };
  attempt();
}

function watchPage() {
  if (state.observer) return;
  state.observer = new MutationObserver(() => {
    updateSidebar();
    updateConnection();
  });
  state.observer.observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ["aria-expanded", "data-collapsed"],
  });
}

export default function painchatPage({ data, setTriggerValue }) {
  state.renders += 1;
  state.texts = data.texts || {};
  state.setTriggerValue = setTriggerValue;
  watchPage();
  updateSidebar();
  if (data.offer_restore) {
    const questions = storedQuestions();
    if (questions.length) setTriggerValue("restore", questions);
  } else {
    storeQuestions(data.questions || []);
  }
  announce(data.announcement);
  scrollToReply(data.reply_class);
}
