/* painchat widget: a chat bubble for a clinic's website. Vanilla JS, no dependencies, no build step.
 *
 *   <script src="https://painchat.example.org/widget.js" data-api="https://painchat.example.org"
 *           data-title="Ask about exercise and nerve pain" data-accent="#0b6e4f" defer></script>
 *
 * Everything lives in a Shadow DOM (the host page's CSS can't reach it); every string from the API or the
 * user is set with textContent, never parsed as HTML; the only requests go to data-api.
 */
(function () {
  "use strict";

  const DISCLAIMER = "__PAINCHAT_DISCLAIMER__"; // filled in by the server that serves this file
  const HISTORY_TURNS = 20;
  const TEXT = {
    title: "Ask about exercise and nerve pain",
    open: "Ask about exercise and pain",
    close: "Close the chat",
    label: "Your question",
    placeholder: "Type your question…",
    send: "Ask",
    you: "You",
    assistant: "Answer from the papers",
    sources: "Sources",
    passage: "Show the quoted passage",
    related: "Not directly covered: the papers don't answer this exact question; here is what they say about its topic.",
    missing: "Not mentioned in the papers: ",
    emergency: "Urgent",
    unreachable: "The assistant could not be reached. Please try again later.",
    thinking: "Looking in the papers…",
    helpful: "Helpful",
    unhelpful: "Not helpful",
    thanks: "Thank you for your feedback.",
    log: "Conversation",
  };
  const KNOWN_KINDS = ["answer", "related", "not_covered", "out_of_scope", "emergency", "invalid"];
  const DOI = /^https:\/\/doi\.org\/10\.\d{4,9}\/\S+$/;

  const script = document.currentScript;
  const data = (script && script.dataset) || {};
  const config = {
    api: (data.api || (script ? new URL(script.src).origin : location.origin)).replace(/\/+$/, ""),
    title: data.title || TEXT.title,
    accent: validColor(data.accent) || "#0b6e4f",
  };

  function validColor(value) {
    return value && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? value : null;
  }

  // Black or white text, whichever reads better on the accent colour (WCAG relative luminance).
  function textOn(hex) {
    const full = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c).slice(1) : hex.slice(1);
    const channel = (i) => {
      const c = parseInt(full.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    };
    const lum = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
    return (1.05 / (lum + 0.05)) >= ((lum + 0.05) / 0.05) ? "#ffffff" : "#000000";
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  }

  const CSS = `
    :host { all: initial !important; display: block !important; position: fixed !important;
            right: 16px !important; bottom: 16px !important; z-index: 2147483000 !important;
            visibility: visible !important; opacity: 1 !important; transform: none !important; }
    * { box-sizing: border-box; }
    .root { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330; }
    button, textarea { font: inherit; }
    :focus-visible { outline: 3px solid #1a4fd6; outline-offset: 2px; }
    .bubble { display: flex; align-items: center; gap: 8px; margin-left: auto; border: 0; border-radius: 999px;
              padding: 12px 18px; background: var(--accent); color: var(--on-accent); cursor: pointer;
              box-shadow: 0 4px 14px rgba(0,0,0,.25); font-weight: 600; }
    .panel { position: fixed; right: 16px; bottom: 84px; width: min(400px, calc(100vw - 16px));
             height: min(640px, calc(100vh - 100px)); display: flex; flex-direction: column; background: #fff;
             border: 1px solid #c5cad3; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); overflow: hidden; }
    .panel[hidden] { display: none; }
    @media (max-width: 480px) { .panel { right: 8px; bottom: 76px; } }
    .head { display: flex; align-items: center; gap: 8px; padding: 10px 12px; background: var(--accent);
             color: var(--on-accent); }
    h2 { flex: 1; margin: 0; font-size: 17px; }
    .close { border: 0; background: transparent; color: inherit; font-size: 22px; line-height: 1; padding: 4px 8px;
             cursor: pointer; border-radius: 6px; }
    .disclaimer { margin: 0; padding: 6px 12px; font-size: 13px; line-height: 1.35; background: #fff4e0; color: #4d3300;
                  border-bottom: 1px solid #e8d2a6; }
    .log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 12px; }
    .msg { padding: 10px 12px; border-radius: 10px; overflow-wrap: anywhere; }
    .user { align-self: flex-end; background: #eef1f6; max-width: 85%; white-space: pre-wrap; }
    .bot { background: #f7f8fa; border: 1px solid #e1e4ea; }
    .who { margin: 0 0 4px; font-size: 13px; font-weight: 600; color: #444b59; }
    .body p { margin: 0 0 8px; }
    .body ul { margin: 0 0 8px; padding-left: 20px; }
    .plain { white-space: pre-wrap; margin: 0; }
    .cite { border: 0; background: none; padding: 0 1px; color: #1a4fd6; text-decoration: underline;
            cursor: pointer; font-size: .9em; }
    .note { margin: 0 0 8px; padding: 6px 8px; border-left: 4px solid #8a5a00; background: #fff8ea; color: #4d3300; }
    .emergency { background: #fdecea; border: 2px solid #b3261e; color: #5f0f0a; }
    .emergency .who { color: #8c1d16; }
    .failure { background: #fdecea; border: 1px solid #b3261e; }
    h3 { margin: 10px 0 4px; font-size: 15px; }
    ol { margin: 0; padding-left: 22px; font-size: 14px; }
    li { margin-bottom: 6px; }
    a { color: #1a4fd6; }
    details { margin-top: 2px; }
    summary { cursor: pointer; color: #1a4fd6; }
    blockquote { margin: 4px 0; padding: 6px 8px; border-left: 3px solid #9aa3b2; background: #fff; color: #333a47; }
    mark { background: #ffe38a; color: #000; font-weight: 600; }
    .small { font-size: 12.5px; color: #4a5160; margin: 8px 0 0; }
    .rate { display: flex; gap: 8px; margin-top: 8px; }
    .rate button { border: 1px solid #9aa3b2; background: #fff; border-radius: 6px; padding: 4px 10px; cursor: pointer;
                   font-size: 14px; color: #1d2330; }
    form { display: flex; gap: 8px; padding: 10px 12px; border-top: 1px solid #e1e4ea; background: #fff; }
    label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    textarea { flex: 1; resize: none; min-height: 44px; max-height: 120px; padding: 8px; border: 1px solid #6b7280;
               border-radius: 8px; color: #1d2330; background: #fff; }
    .send { border: 0; border-radius: 8px; padding: 0 16px; background: var(--accent); color: var(--on-accent);
            font-weight: 600; cursor: pointer; min-width: 64px; }
    .send:disabled { opacity: .6; cursor: progress; }
  `;

  function mount() {
    const host = el("div", { id: "painchat-widget" });
    document.body.append(host);
    const shadow = host.attachShadow({ mode: "open" });
    const root = el("div", { class: "root" });
    root.style.setProperty("--accent", config.accent);
    root.style.setProperty("--on-accent", textOn(config.accent));
    shadow.append(el("style", { text: CSS }), root);
    new Chat(root).build();
  }

  class Chat {
    constructor(root) {
      this.root = root;
      this.history = [];
      this.busy = false;
    }

    build() {
      this.bubble = el("button", { class: "bubble", type: "button", "aria-expanded": "false", "aria-controls": "pc-panel" },
        chatIcon(), el("span", { text: TEXT.open }));
      this.closer = el("button", { class: "close", type: "button", "aria-label": TEXT.close, text: "×" });
      this.log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": TEXT.log, tabindex: "0" });
      this.input = el("textarea", { id: "pc-question", rows: "2", placeholder: TEXT.placeholder });
      this.send = el("button", { class: "send", type: "submit", text: TEXT.send });
      const form = el("form", {}, el("label", { for: "pc-question", text: TEXT.label }), this.input, this.send);
      this.panel = el("section", { id: "pc-panel", class: "panel", role: "dialog", "aria-labelledby": "pc-title", hidden: "" },
        el("div", { class: "head" }, el("h2", { id: "pc-title", text: config.title }), this.closer),
        el("p", { class: "disclaimer", text: "⚠ " + DISCLAIMER }),
        this.log, form);
      this.root.append(this.panel, this.bubble);

      this.bubble.addEventListener("click", () => this.toggle(this.panel.hidden));
      this.closer.addEventListener("click", () => this.toggle(false));
      this.panel.addEventListener("keydown", (event) => { if (event.key === "Escape") this.toggle(false); });
      form.addEventListener("submit", (event) => { event.preventDefault(); this.ask(); });
      this.input.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); this.ask(); }
      });
    }

    toggle(open) {
      this.panel.hidden = !open;
      this.bubble.setAttribute("aria-expanded", String(open));
      (open ? this.input : this.bubble).focus();
    }

    async ask() {
      const question = this.input.value.trim();
      if (!question || this.busy) return;
      this.setBusy(true);
      this.input.value = "";
      this.log.append(el("div", { class: "msg user" }, el("p", { class: "who", text: TEXT.you }), document.createTextNode(question)));
      const reply = new Reply(this.log);
      try {
        const response = await fetch(config.api + "/v1/ask/stream", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ question, history: this.history.slice(-HISTORY_TURNS) }),
          credentials: "omit",
          mode: "cors",
        });
        if (!response.ok) {
          reply.failure(await errorBody(response));
        } else {
          const answer = await readEvents(response, reply);
          if (answer) {
            this.history.push({ role: "user", content: question }, { role: "assistant", content: answer.answer });
            if (answer.kind !== "invalid") reply.offerRating((rating) => this.rate(question, answer, rating));
          }
        }
      } catch (error) {
        reply.failure({ message: TEXT.unreachable });
      } finally {
        this.setBusy(false);
      }
    }

    async rate(question, answer, rating) {
      const response = await fetch(config.api + "/v1/feedback", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ question, answer, rating }), credentials: "omit", mode: "cors",
      });
      return response.ok;
    }

    setBusy(busy) {
      this.busy = busy;
      this.send.disabled = busy;
      this.log.setAttribute("aria-busy", String(busy));
    }
  }

  async function errorBody(response) {
    try { return await response.json(); } catch (error) { return { message: TEXT.unreachable }; }
  }

  // Server-sent events over fetch (EventSource can't POST): piece…, answer, done — or error, done.
  async function readEvents(response, reply) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let answer = null;
    for (;;) {
      const { value, done } = await reader.read();
      buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = (/^event: (.*)$/m.exec(block) || [])[1];
        const data = JSON.parse((/^data: (.*)$/m.exec(block) || [])[1] || "{}");
        if (name === "piece") reply.piece(data.text);
        else if (name === "answer") { answer = data; reply.finish(data); }
        else if (name === "error") reply.failure(data);
      }
      if (done) return answer;
    }
  }

  class Reply {
    constructor(log) {
      this.text = "";
      this.who = el("p", { class: "who", text: TEXT.assistant });
      this.body = el("div", { class: "body" }, el("p", { text: TEXT.thinking }));
      this.box = el("div", { class: "msg bot" }, this.who, this.body);
      this.log = log;
      this.details = [];
      log.append(this.box);
    }

    piece(text) {
      this.text += text;
      renderMarkdown(this.body, this.text, (n) => this.openSource(n));
      this.scroll();
    }

    finish(answer) {
      this.text = answer.answer;
      this.body.replaceChildren();
      if (answer.kind === "emergency") {
        this.box.classList.add("emergency");
        this.box.setAttribute("role", "alert");
        this.who.textContent = TEXT.emergency;
      }
      if (answer.kind === "related") {
        this.body.append(el("p", { class: "note", text: TEXT.related }));
        const missing = answer.missing_terms || [];
        if (missing.length) this.body.append(el("p", { class: "note", text: TEXT.missing + missing.join(", ") }));
      }
      const rendered = el("div");
      if (KNOWN_KINDS.includes(answer.kind)) {
        renderMarkdown(rendered, answer.answer, (n) => this.openSource(n));
      } else {
        rendered.append(el("p", { class: "plain", text: answer.answer })); // a kind this widget doesn't know yet
      }
      this.body.append(rendered);
      if ((answer.citations || []).length) this.body.append(...this.sources(answer.citations));
      this.body.append(el("p", { class: "small", text: "⚠ " + (answer.disclaimer || DISCLAIMER) }));
      this.scroll();
    }

    sources(citations) {
      const list = el("ol");
      for (const c of citations) {
        const details = el("details", {}, el("summary", { text: TEXT.passage }), quoteBlock(c));
        this.details[c.n] = details;
        const item = el("li", { value: String(c.n) },
          document.createTextNode(`${c.label}. ${c.title}. ${c.journal}. ${c.section}. `));
        if (c.doi_url && DOI.test(c.doi_url)) {
          item.append(el("a", { href: c.doi_url, target: "_blank", rel: "noopener noreferrer", text: c.doi_url }));
        }
        item.append(details);
        list.append(item);
      }
      return [el("h3", { text: TEXT.sources }), list];
    }

    openSource(n) {
      const details = this.details[n];
      if (!details) return;
      details.open = true;
      details.querySelector("summary").focus();
    }

    failure(body) {
      this.box.classList.add("failure");
      this.body.replaceChildren(el("p", { text: (body && body.message) || TEXT.unreachable }),
        el("p", { class: "small", text: "⚠ " + ((body && body.disclaimer) || DISCLAIMER) }));
      this.scroll();
    }

    offerRating(send) {
      const row = el("div", { class: "rate" });
      for (const [rating, label] of [["up", TEXT.helpful], ["down", TEXT.unhelpful]]) {
        const button = el("button", { type: "button", text: label });
        button.addEventListener("click", async () => {
          try {
            if (await send(rating)) row.replaceChildren(el("p", { class: "small", text: TEXT.thanks }));
          } catch (error) { /* feedback is optional; the answer stays */ }
        });
        row.append(button);
      }
      this.box.append(row);
    }

    scroll() {
      this.log.scrollTop = this.log.scrollHeight;
    }
  }

  // A speech-bubble outline drawn with SVG nodes (no emoji font needed, no markup parsed).
  function chatIcon() {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    const path = document.createElementNS(ns, "path");
    for (const [key, value] of [["viewBox", "0 0 24 24"], ["width", "20"], ["height", "20"], ["aria-hidden", "true"],
      ["fill", "none"], ["stroke", "currentColor"], ["stroke-width", "2"], ["stroke-linejoin", "round"]]) {
      svg.setAttribute(key, value);
    }
    path.setAttribute("d", "M4 5h16v11H9l-5 4z");
    svg.append(path);
    return svg;
  }

  function quoteBlock(citation) {
    // Offsets count code points (Python); Array.from splits by code point too.
    const chars = Array.from(citation.context || citation.quote);
    const [start, end] = citation.context ? citation.context_span : [0, chars.length];
    return el("blockquote", {}, chars.slice(0, start).join(""), el("mark", { text: chars.slice(start, end).join("") }),
      chars.slice(end).join(""));
  }

  // The answer's small Markdown subset (paragraphs, "- " lists, **bold**, *italic*, _italic_, \-escapes, [n])
  // built as DOM nodes with text only: nothing the papers or the user wrote can become markup.
  function renderMarkdown(parent, text, openSource) {
    parent.replaceChildren();
    let list = null;
    for (const line of text.split("\n")) {
      if (!line.trim()) { list = null; continue; }
      const bullet = /^\s*[-*] (.*)$/.exec(line);
      const target = el(bullet ? "li" : "p");
      if (bullet) {
        if (!list) parent.append((list = el("ul")));
        list.append(target);
      } else {
        list = null;
        parent.append(target);
      }
      inline(target, bullet ? bullet[1] : line, openSource);
    }
  }

  const INLINE = /\\([\\`*_[\]{}<>#|~$])|\*\*(.+?)\*\*|\*(.+?)\*|_(.+?)_|\[(\d{1,3})\]/g;

  function inline(parent, text, openSource) {
    let last = 0;
    for (const match of text.matchAll(INLINE)) {
      parent.append(text.slice(last, match.index));
      last = match.index + match[0].length;
      if (match[1] !== undefined) parent.append(match[1]);
      else if (match[2] !== undefined) inline(parent.appendChild(el("strong")), match[2], openSource);
      else if (match[3] !== undefined || match[4] !== undefined) {
        inline(parent.appendChild(el("em")), match[3] !== undefined ? match[3] : match[4], openSource);
      } else {
        const n = Number(match[5]);
        const cite = el("button", { type: "button", class: "cite", text: `[${n}]` });
        cite.addEventListener("click", () => openSource(n));
        parent.append(cite);
      }
    }
    parent.append(text.slice(last));
  }

  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
