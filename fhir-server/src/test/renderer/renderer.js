// Glue between SdcRendererIT and LHC-Forms: loads a screening Questionnaire and its patient from the Safeguard FHIR
// server (same origin, through the test's proxy at /fhir/) and hands them to the renderer unchanged. Nothing here
// touches what LHC-Forms produces.
'use strict';

var screening = {patient: null};

// The subset of a SMART on FHIR client (fhirclient.js) that lformsFHIR calls through LForms.fhirContext.client:
// request(url | {url, method, headers, body}) resolving to parsed JSON, getFhirVersion(), and the launch-context
// resources by name (patient, plus user and encounter, which we do not have: an object without an id tells
// LHC-Forms so, where a missing one would throw).
function safeguardClient(token, patient) {
  var base = new URL('/fhir/', location.origin);

  function request(requestOrUrl) {
    var options = typeof requestOrUrl === 'string' ? {url: requestOrUrl} : requestOrUrl;
    var headers = Object.assign({Accept: 'application/fhir+json'}, options.headers || {});
    headers.Authorization = 'Bearer ' + token;
    return fetch(new URL(options.url, base), {method: options.method || 'GET', headers: headers, body: options.body})
      .then(function (response) {
        return response.text().then(function (text) {
          var body = text ? JSON.parse(text) : null;
          if (!response.ok) {
            throw new Error(response.status + ' for ' + options.url + ': ' + text);
          }
          return body;
        });
      });
  }

  function withPatient(url) {
    var target = new URL(url, base);
    target.searchParams.set('patient', patient.id);
    return target.toString();
  }

  function absent(name) {
    return {read: function () { return Promise.reject(new Error('no ' + name + ' in this context')); }};
  }

  return {
    request: request,
    getFhirVersion: function () {
      return request('metadata').then(function (capabilities) { return capabilities.fhirVersion; });
    },
    patient: {
      id: patient.id,
      read: function () { return Promise.resolve(patient); },
      request: function (url) { return request(withPatient(url)); }
    },
    user: absent('user'),
    encounter: absent('encounter')
  };
}

// Renders the screening with this canonical URL for the patient, as a SMART app launched for that patient would.
// Resolves once LHC-Forms reports the form ready, which it does after loading every answerValueSet expansion
// and running the form's expressions; rejects with LHC-Forms' own error otherwise.
function renderScreening(questionnaireUrl, patientId, token) {
  var client = safeguardClient(token, {id: patientId});
  return Promise.all([
    client.request('Questionnaire?url=' + encodeURIComponent(questionnaireUrl)),
    client.request('Patient/' + encodeURIComponent(patientId))
  ]).then(function (found) {
    var bundle = found[0];
    var questionnaires = (bundle.entry || []).map(function (entry) { return entry.resource; });
    if (questionnaires.length !== 1) {
      throw new Error(questionnaires.length + ' Questionnaires on the server with url ' + questionnaireUrl);
    }
    screening.patient = found[1];
    LForms.Util.setFHIRContext(safeguardClient(token, screening.patient), {patient: screening.patient});
    return LForms.Util.addFormToPage(questionnaires[0], 'formContainer', {prepopulate: true});
  });
}

// The renderer's own QuestionnaireResponse for what is on the page now.
function screeningResponse() {
  return LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', 'formContainer', {subject: screening.patient});
}
