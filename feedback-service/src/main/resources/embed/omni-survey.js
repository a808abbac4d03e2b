/*
 * Omnicanal surveys on your site: <script src="https://<gateway>/js/omni-survey.js" data-survey="<surveyId>" defer></script>
 * or OmniSurvey.show("<surveyId>", {lang: "es", token: "<customer access token>", target: element}).
 * Anonymous visitors get a signed session (kept in localStorage); signed-in customers pass their token.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = (script && script.getAttribute("data-base")) || (script ? new URL(script.src).origin : "");
  var KEY = "omniSurveyVisitor";

  function request(method, path, body, options) {
    var headers = {"Content-Type": "application/json"};
    return session(options).then(function (visitor) {
      if (options.token) {
        headers.Authorization = "Bearer " + options.token;
      } else if (visitor) {
        headers["X-Omni-Visitor"] = visitor;
      }
      return fetch(base + path, {method: method, headers: headers, body: body ? JSON.stringify(body) : undefined});
    });
  }

  // the visitor's signed session, kept so that they answer once; a new one when storage is unavailable
  function session(options) {
    if (options.token) {
      return Promise.resolve(null);
    }
    var kept = null;
    try { kept = window.localStorage.getItem(KEY); } catch (e) { kept = null; }
    if (kept) {
      return Promise.resolve(kept);
    }
    return fetch(base + "/api/feedback/in-app/sessions", {method: "POST"}).then(function (r) { return r.json(); })
      .then(function (s) {
        try { window.localStorage.setItem(KEY, s.visitor); } catch (e) { /* private mode: this page only */ }
        return s.visitor;
      });
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, attributes[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function choices(q) {
    if (q.type === "rating") {
      var values = [];
      for (var i = q.min; i <= q.max; i++) { values.push(String(i)); }
      return values;
    }
    return q.type === "consent" ? ["yes", "no"] : q.options;
  }

  function question(q) {
    var name = "q_" + q.id;
    if (q.type === "text") {
      var p = el("p");
      p.appendChild(el("label", {"for": name}, q.text));
      p.appendChild(el("textarea", {id: name, name: name, rows: "3", maxlength: "2000"}));
      return p;
    }
    var set = el("fieldset");
    set.appendChild(el("legend", {}, q.text + (q.required ? " *" : "")));
    choices(q).forEach(function (value) {
      var label = el("label");
      var input = el("input", {type: q.type === "multiple" ? "checkbox" : "radio", name: name, value: value});
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + value + " "));
      set.appendChild(label);
    });
    return set;
  }

  function answers(form, survey) {
    var result = {};
    survey.questions.forEach(function (q) {
      var values = new FormData(form).getAll("q_" + q.id).filter(function (v) { return v !== ""; });
      if (values.length) { result[q.id] = q.type === "multiple" ? values : values[0]; }
    });
    return result;
  }

  function render(survey, options) {
    var box = el("form", {"class": "omni-survey", "aria-label": survey.title});
    box.appendChild(el("h2", {}, survey.title));
    survey.questions.forEach(function (q) { box.appendChild(question(q)); });
    var status = el("p", {role: "status"});
    box.appendChild(el("button", {type: "submit"}, survey.language === "es" ? "Enviar" : "Send"));
    box.appendChild(status);
    box.addEventListener("submit", function (event) {
      event.preventDefault();
      request("POST", "/api/feedback/in-app/surveys/" + encodeURIComponent(survey.surveyId) + "/responses",
        {answers: answers(box, survey), lang: survey.language, channel: options.channel || "web"}, options)
        .then(function (r) {
          if (r.ok || r.status === 409) {
            box.replaceChildren(el("p", {role: "status"}, survey.thanks || (survey.language === "es"
              ? "¡Gracias por tu respuesta!" : "Thank you for your answer!")));
            return;
          }
          return r.json().then(function (problem) {
            status.textContent = (problem.errors && problem.errors.length ? problem.errors[0].message : problem.detail) || "Error";
          });
        });
    });
    (options.target || document.body).appendChild(box);
    return box;
  }

  window.OmniSurvey = {
    show: function (surveyId, options) {
      options = options || {};
      var query = "?channel=" + (options.channel || "web") + (options.lang ? "&lang=" + encodeURIComponent(options.lang) : "");
      return fetch(base + "/api/feedback/in-app/surveys/" + encodeURIComponent(surveyId) + query)
        .then(function (r) { if (!r.ok) { throw new Error("survey " + surveyId + ": " + r.status); } return r.json(); })
        .then(function (survey) { return render(survey, options); });
    }
  };

  if (script && script.getAttribute("data-survey")) {
    window.OmniSurvey.show(script.getAttribute("data-survey"), {lang: script.getAttribute("data-lang") || undefined});
  }
})();
