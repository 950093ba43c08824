// Every text of the clerk's console in its four languages: [English, Nederlands, Français, Deutsch].
export const UI_LANGUAGES = ['en', 'nl', 'fr', 'de'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const UI_LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', nl: 'Nederlands', fr: 'Français', de: 'Deutsch' };

const S = {
  appTitle: ['Welcome Desk — clerk\'s console', 'Welcome Desk — console voor medewerkers', 'Welcome Desk — console des agents', 'Welcome Desk — Konsole für Mitarbeitende'],
  lang: ['Language', 'Taal', 'Langue', 'Sprache'],
  language: ['Console language', 'Taal van de console', 'Langue de la console', 'Sprache der Konsole'],
  municipality: ['Municipality', 'Gemeente', 'Commune', 'Gemeinde'],
  allMunicipalities: ['All municipalities', 'Alle gemeenten', 'Toutes les communes', 'Alle Gemeinden'],
  municipalityNeeded: ['Choose a municipality first.', 'Kies eerst een gemeente.', 'Choisissez d\'abord une commune.', 'Wählen Sie zuerst eine Gemeinde.'],
  signIn: ['Sign in', 'Aanmelden', 'Se connecter', 'Anmelden'],
  signInTitle: ['Sign in to the console', 'Aanmelden bij de console', 'Connexion à la console', 'Bei der Konsole anmelden'],
  signOut: ['Sign out', 'Afmelden', 'Se déconnecter', 'Abmelden'],
  email: ['E-mail address', 'E-mailadres', 'Adresse e-mail', 'E-Mail-Adresse'],
  password: ['Password', 'Wachtwoord', 'Mot de passe', 'Passwort'],
  signedInAs: ['Signed in as', 'Aangemeld als', 'Connecté en tant que', 'Angemeldet als'],
  sessionEnded: ['Your session has ended. Please sign in again.', 'Je sessie is afgelopen. Meld je opnieuw aan.', 'Votre session a expiré. Reconnectez-vous.', 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.'],
  mainNav: ['Sections', 'Onderdelen', 'Rubriques', 'Bereiche'],
  inbox: ['Inbox', 'Inbox', 'Boîte de réception', 'Posteingang'],
  questions: ['Unanswered questions', 'Onbeantwoorde vragen', 'Questions sans réponse', 'Unbeantwortete Fragen'],
  localInfo: ['Local information', 'Lokale informatie', 'Informations locales', 'Lokale Informationen'],
  figures: ['Figures', 'Cijfers', 'Chiffres', 'Zahlen'],
  audit: ['Audit log', 'Auditlog', 'Journal d\'audit', 'Protokoll'],
  loading: ['Loading…', 'Laden…', 'Chargement…', 'Wird geladen…'],
  none: ['Nothing here yet.', 'Nog niets.', 'Rien pour l\'instant.', 'Noch nichts.'],
  refresh: ['Refresh', 'Vernieuwen', 'Actualiser', 'Aktualisieren'],
  save: ['Save', 'Opslaan', 'Enregistrer', 'Speichern'],
  cancel: ['Cancel', 'Annuleren', 'Annuler', 'Abbrechen'],
  saved: ['Saved.', 'Opgeslagen.', 'Enregistré.', 'Gespeichert.'],
  // Inbox
  status: ['Status', 'Status', 'Statut', 'Status'],
  st_open: ['Open', 'Open', 'Ouverte', 'Offen'],
  st_assigned: ['Assigned', 'Toegewezen', 'Attribuée', 'Zugewiesen'],
  st_closed: ['Closed', 'Gesloten', 'Clôturée', 'Geschlossen'],
  st_all: ['All', 'Alle', 'Toutes', 'Alle'],
  requests: ['Requests', 'Aanvragen', 'Demandes', 'Anfragen'],
  time: ['Time', 'Tijd', 'Heure', 'Zeit'],
  topic: ['Topic', 'Onderwerp', 'Sujet', 'Thema'],
  open: ['Open', 'Openen', 'Ouvrir', 'Öffnen'],
  request: ['Request', 'Aanvraag', 'Demande', 'Anfrage'],
  newRequests: ['New request(s) in the inbox:', 'Nieuwe aanvraag/aanvragen in de inbox:', 'Nouvelle(s) demande(s) dans la boîte :', 'Neue Anfrage(n) im Posteingang:'],
  transcript: ['Conversation', 'Gesprek', 'Conversation', 'Gespräch'],
  role_user: ['Newcomer', 'Nieuwkomer', 'Primo-arrivant', 'Neuankömmling'],
  role_assistant: ['Assistant', 'Assistent', 'Assistant', 'Assistent'],
  role_clerk: ['Clerk', 'Medewerker', 'Agent', 'Mitarbeiter/in'],
  contact: ['Contact', 'Contact', 'Contact', 'Kontakt'],
  note: ['Note', 'Notitie', 'Note', 'Notiz'],
  assignToMe: ['Assign to me', 'Aan mij toewijzen', 'M\'attribuer', 'Mir zuweisen'],
  close: ['Close request', 'Aanvraag sluiten', 'Clôturer la demande', 'Anfrage schließen'],
  assignedTo: ['Assigned to user', 'Toegewezen aan gebruiker', 'Attribuée à l\'utilisateur', 'Zugewiesen an Benutzer'],
  newcomerWritesIn: ['The newcomer writes in:', 'De nieuwkomer schrijft in het', 'Le primo-arrivant écrit en', 'Der Neuankömmling schreibt auf'],
  reply: ['Reply', 'Antwoorden', 'Répondre', 'Antworten'],
  freeText: ['Your reply (free text)', 'Je antwoord (vrije tekst)', 'Votre réponse (texte libre)', 'Ihre Antwort (freier Text)'],
  send: ['Send', 'Versturen', 'Envoyer', 'Senden'],
  sent: ['Reply sent.', 'Antwoord verstuurd.', 'Réponse envoyée.', 'Antwort gesendet.'],
  canned: ['Ready-made reply', 'Standaardantwoord', 'Réponse type', 'Standardantwort'],
  chooseCanned: ['— choose a reply —', '— kies een antwoord —', '— choisir une réponse —', '— Antwort wählen —'],
  preview: ['Preview in the newcomer\'s language', 'Voorbeeld in de taal van de nieuwkomer', 'Aperçu dans la langue du primo-arrivant', 'Vorschau in der Sprache des Neuankömmlings'],
  sendCanned: ['Send ready-made reply', 'Standaardantwoord versturen', 'Envoyer la réponse type', 'Standardantwort senden'],
  ph_date: ['Date', 'Datum', 'Date', 'Datum'],
  ph_time: ['Time', 'Uur', 'Heure', 'Uhrzeit'],
  ph_place: ['Place', 'Plaats', 'Lieu', 'Ort'],
  ph_name: ['Name', 'Naam', 'Nom', 'Name'],
  ph_phone: ['Phone', 'Telefoon', 'Téléphone', 'Telefon'],
  ph_url: ['Web address', 'Webadres', 'Adresse web', 'Webadresse'],
  ph_documents: ['Documents to bring', 'Mee te brengen documenten', 'Documents à apporter', 'Mitzubringende Unterlagen'],
  closedNoReply: ['This request is closed.', 'Deze aanvraag is gesloten.', 'Cette demande est clôturée.', 'Diese Anfrage ist geschlossen.'],
  // Questions
  example: ['Example question', 'Voorbeeldvraag', 'Question exemple', 'Beispielfrage'],
  count: ['How many', 'Aantal', 'Nombre', 'Anzahl'],
  perWeek: ['Per week', 'Per week', 'Par semaine', 'Pro Woche'],
  perLanguage: ['Per language', 'Per taal', 'Par langue', 'Pro Sprache'],
  handled: ['Handled', 'Afgehandeld', 'Traitée', 'Erledigt'],
  markHandled: ['Mark as handled', 'Markeren als afgehandeld', 'Marquer comme traitée', 'Als erledigt markieren'],
  exportEval: ['Export as eval cases (JSONL)', 'Exporteren als evaluatiegevallen (JSONL)', 'Exporter en cas d\'évaluation (JSONL)', 'Als Testfälle exportieren (JSONL)'],
  yes: ['Yes', 'Ja', 'Oui', 'Ja'],
  no: ['No', 'Nee', 'Non', 'Nein'],
  actions: ['Actions', 'Acties', 'Actions', 'Aktionen'],
  // Local information
  organisations: ['Organisations', 'Organisaties', 'Organisations', 'Organisationen'],
  name: ['Name', 'Naam', 'Nom', 'Name'],
  contacts: ['Contact details', 'Contactgegevens', 'Coordonnées', 'Kontaktdaten'],
  lastVerified: ['Last verified', 'Laatst nagekeken', 'Dernière vérification', 'Zuletzt geprüft'],
  source: ['Source', 'Bron', 'Source', 'Quelle'],
  src_knowledge: ['knowledge files', 'kennisbestanden', 'fichiers de connaissances', 'Wissensdateien'],
  src_console: ['console', 'console', 'console', 'Konsole'],
  add: ['Add an organisation', 'Organisatie toevoegen', 'Ajouter une organisation', 'Organisation hinzufügen'],
  edit: ['Edit', 'Bewerken', 'Modifier', 'Bearbeiten'],
  editTitle: ['Edit organisation', 'Organisatie bewerken', 'Modifier l\'organisation', 'Organisation bearbeiten'],
  verify: ['Mark as verified', 'Markeren als nagekeken', 'Marquer comme vérifiée', 'Als geprüft markieren'],
  delete: ['Delete', 'Verwijderen', 'Supprimer', 'Löschen'],
  confirmDelete: ['Delete this organisation?', 'Deze organisatie verwijderen?', 'Supprimer cette organisation ?', 'Diese Organisation löschen?'],
  id: ['Identifier (lowercase-with-dashes)', 'Code (kleine-letters-met-streepjes)', 'Identifiant (minuscules-avec-tirets)', 'Kennung (kleinbuchstaben-mit-bindestrichen)'],
  namesPerLanguage: ['Name per language (optional)', 'Naam per taal (optioneel)', 'Nom par langue (facultatif)', 'Name pro Sprache (optional)'],
  type: ['Type', 'Soort', 'Type', 'Art'],
  topics: ['Topics', 'Onderwerpen', 'Sujets', 'Themen'],
  roles: ['Roles', 'Rollen', 'Rôles', 'Rollen'],
  region: ['Region', 'Gewest', 'Région', 'Region'],
  province: ['Province', 'Provincie', 'Province', 'Provinz'],
  website: ['Website', 'Website', 'Site web', 'Website'],
  phone: ['Phone', 'Telefoon', 'Téléphone', 'Telefon'],
  address: ['Address', 'Adres', 'Adresse', 'Adresse'],
  languages: ['Languages spoken (codes, comma-separated)', 'Gesproken talen (codes, met komma\'s)', 'Langues parlées (codes, séparés par des virgules)', 'Gesprochene Sprachen (Codes, kommagetrennt)'],
  hours: ['Opening hours per language', 'Openingsuren per taal', 'Heures d\'ouverture par langue', 'Öffnungszeiten pro Sprache'],
  descriptions: ['Description per language', 'Beschrijving per taal', 'Description par langue', 'Beschreibung pro Sprache'],
  sources: ['Sources (one per line: title | https://address)', 'Bronnen (één per regel: titel | https://adres)', 'Sources (une par ligne : titre | https://adresse)', 'Quellen (eine pro Zeile: Titel | https://adresse)'],
  settings: ['Welcome point and allowed websites', 'Onthaalpunt en toegelaten websites', 'Point d\'accueil et sites autorisés', 'Anlaufstelle und erlaubte Websites'],
  welcomePoint: ['Welcome point', 'Onthaalpunt', 'Point d\'accueil', 'Anlaufstelle'],
  welcomeNone: ['None (use the knowledge files)', 'Geen (kennisbestanden gebruiken)', 'Aucun (fichiers de connaissances)', 'Keine (Wissensdateien verwenden)'],
  welcomeActor: ['One of the organisations', 'Een van de organisaties', 'Une des organisations', 'Eine der Organisationen'],
  welcomeOwn: ['Other details', 'Andere gegevens', 'Autres coordonnées', 'Andere Angaben'],
  allowedOrigins: ['Websites allowed to embed the assistant (one origin per line)', 'Websites die de assistent mogen tonen (één origin per regel)', 'Sites autorisés à intégrer l\'assistant (une origine par ligne)', 'Websites, die den Assistenten einbinden dürfen (ein Origin pro Zeile)'],
  importTitle: ['Import and export', 'Importeren en exporteren', 'Importer et exporter', 'Import und Export'],
  importFile: ['Spreadsheet to import (CSV or XLSX)', 'Bestand om te importeren (CSV of XLSX)', 'Fichier à importer (CSV ou XLSX)', 'Datei zum Importieren (CSV oder XLSX)'],
  checkFile: ['Check the file', 'Bestand nakijken', 'Vérifier le fichier', 'Datei prüfen'],
  applyImport: ['Apply the import', 'Import toepassen', 'Appliquer l\'import', 'Import übernehmen'],
  dryRunDone: ['Check only: nothing was changed yet.', 'Enkel nagekeken: er is nog niets gewijzigd.', 'Vérification seulement : rien n\'a encore changé.', 'Nur geprüft: noch nichts geändert.'],
  importDone: ['The import was applied.', 'De import is toegepast.', 'L\'import a été appliqué.', 'Der Import wurde übernommen.'],
  created: ['Created', 'Nieuw', 'Créées', 'Neu'],
  updated: ['Updated', 'Bijgewerkt', 'Mises à jour', 'Aktualisiert'],
  removed: ['Removed', 'Verwijderd', 'Supprimées', 'Entfernt'],
  problems: ['Problems', 'Problemen', 'Problèmes', 'Probleme'],
  unknownColumns: ['Unknown columns', 'Onbekende kolommen', 'Colonnes inconnues', 'Unbekannte Spalten'],
  exportCsv: ['Export as CSV', 'Exporteren als CSV', 'Exporter en CSV', 'Als CSV exportieren'],
  exportXlsx: ['Export as XLSX', 'Exporteren als XLSX', 'Exporter en XLSX', 'Als XLSX exportieren'],
  // Figures
  last30: ['Last 30 days', 'Laatste 30 dagen', '30 derniers jours', 'Letzte 30 Tage'],
  perDay: ['Questions per day', 'Vragen per dag', 'Questions par jour', 'Fragen pro Tag'],
  day: ['Day', 'Dag', 'Jour', 'Tag'],
  answered: ['Answered', 'Beantwoord', 'Avec réponse', 'Beantwortet'],
  unanswered: ['Not answered', 'Niet beantwoord', 'Sans réponse', 'Nicht beantwortet'],
  total: ['Total', 'Totaal', 'Total', 'Gesamt'],
  byTopic: ['Questions by topic', 'Vragen per onderwerp', 'Questions par sujet', 'Fragen nach Thema'],
  byLanguage: ['Questions by language', 'Vragen per taal', 'Questions par langue', 'Fragen nach Sprache'],
  handovers: ['Requests for a person', 'Vragen naar een medewerker', 'Demandes d\'un agent', 'Anfragen an eine Person'],
  medianReply: ['Median minutes to the first reply', 'Mediaan minuten tot het eerste antwoord', 'Minutes médianes jusqu\'à la première réponse', 'Median Minuten bis zur ersten Antwort'],
  feedback: ['Feedback', 'Feedback', 'Avis', 'Rückmeldungen'],
  helpful: ['Helpful', 'Nuttig', 'Utile', 'Hilfreich'],
  notHelpful: ['Not helpful', 'Niet nuttig', 'Pas utile', 'Nicht hilfreich'],
  helpfulShare: ['Helpful share', 'Aandeel nuttig', 'Part utile', 'Anteil hilfreich'],
  comment: ['Comment', 'Opmerking', 'Commentaire', 'Kommentar'],
  question: ['Question', 'Vraag', 'Question', 'Frage'],
  helpfulByTopic: ['Helpful by topic', 'Nuttig per onderwerp', 'Utile par sujet', 'Hilfreich nach Thema'],
  helpfulByLanguage: ['Helpful by language', 'Nuttig per taal', 'Utile par langue', 'Hilfreich nach Sprache'],
  chartText: ['The same figures as a table', 'Dezelfde cijfers als tabel', 'Les mêmes chiffres en tableau', 'Dieselben Zahlen als Tabelle'],
  // Audit
  user: ['User id', 'Gebruikers-id', 'Id utilisateur', 'Benutzer-ID'],
  action: ['Action', 'Actie', 'Action', 'Aktion'],
  target: ['Target', 'Doel', 'Cible', 'Ziel'],
  error: ['Something went wrong.', 'Er ging iets mis.', 'Une erreur s\'est produite.', 'Etwas ist schiefgelaufen.'],
} satisfies Record<string, [string, string, string, string]>;

export type StringKey = keyof typeof S;

let current: UiLanguage = 'en';

export function setUiLanguage(lang: UiLanguage): void {
  current = lang;
}

export function uiLanguage(): UiLanguage {
  return current;
}

/** The text for `key` in the console's language. */
export function t(key: StringKey): string {
  return S[key][UI_LANGUAGES.indexOf(current)];
}

/** The console language to start in: saved choice, then the browser's, then English. */
export function initialLanguage(saved: string | null, browser: string | undefined): UiLanguage {
  const pick = (v: string | null | undefined) => UI_LANGUAGES.find((l) => l === (v ?? '').slice(0, 2).toLowerCase());
  return pick(saved) ?? pick(browser) ?? 'en';
}

/** A language's name in the console language ("Arabisch"), falling back to its code. */
export function languageName(code: string | null): string {
  if (!code) return '?';
  try {
    return new Intl.DisplayNames([current], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
