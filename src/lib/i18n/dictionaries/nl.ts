import type { MessageKey } from "./en";

/** Dutch messages, the default language. Holds exactly the keys of the English dictionary. */
export const nl = {
  "app.name": "Veranda",
  "app.skip_to_content": "Naar de inhoud",
  "app.language": "Taal",
  "app.language.nl": "Nederlands",
  "app.language.en": "English",
  "app.footer": "Cliëntportaal van {practice}",

  "login.title": "Inloggen bij {practice}",
  "login.intro": "Vul je e-mailadres in. We sturen je een link en een code om in te loggen, zonder wachtwoord.",
  "login.email_label": "E-mailadres",
  "login.submit": "Stuur inlogmail",
  "login.error.email_invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
  "login.signed_out": "Je bent uitgelogd.",
  "login.session_expired": "Je sessie is verlopen. Log opnieuw in om verder te gaan.",

  "check.title": "Kijk in je mail",
  "check.body":
    "Als {email} hoort bij een cliënt van {practice} met toegang tot het portaal, is er een e-mail onderweg met een inloglink en een code. De link en de code zijn {minutes} minuten geldig.",
  "check.code_intro": "Lees je je mail op een ander apparaat? Vul dan hier de code uit de nieuwste e-mail in.",
  "check.code_label": "Code van 6 cijfers",
  "check.code_submit": "Inloggen met code",
  "check.code_error.invalid": "Die code klopt niet. Kijk in de nieuwste e-mail en probeer het opnieuw.",
  "check.code_error.format": "De code bestaat uit 6 cijfers.",
  "check.code_error.expired":
    "Deze code werkt niet meer: hij is verlopen, al gebruikt of te vaak verkeerd ingevuld. Vraag een nieuwe e-mail aan.",
  "check.no_email": "Geen e-mail ontvangen? Kijk in je spammap of vraag een nieuwe aan.",
  "check.request_again": "Stuur een nieuwe e-mail",

  "link.confirm_title": "Inloggen bij {practice}",
  "link.confirm_body": "Klik op de knop om in te loggen als {email}.",
  "link.confirm_submit": "Inloggen bij {practice}",
  "link.invalid_title": "Deze inloglink werkt niet meer",
  "link.expired_body": "De link is verlopen: links zijn {minutes} minuten geldig nadat ze zijn verstuurd.",
  "link.used_body": "De link is al gebruikt. Elke link werkt één keer.",
  "link.unknown_body":
    "De link is niet geldig. Misschien is hij niet helemaal gekopieerd of hoort hij bij een ander portaal.",
  "link.new_link_intro": "We kunnen je een nieuwe link sturen.",
  "link.new_link_submit": "Stuur een nieuwe link",

  "session.warning_title": "Je wordt zo uitgelogd",
  "session.warning_body": "Voor je privacy word je over {time} uitgelogd, omdat je een tijd niets hebt gedaan.",
  "session.stay": "Ingelogd blijven",
  "session.sign_out": "Uitloggen",
  "session.sign_out_all": "Uitloggen op alle apparaten",
  "session.sign_out_all_help": "Beëindigt je sessies op elke telefoon, tablet en computer.",

  "dashboard.title": "Overzicht",
  "dashboard.greeting.morning": "Goedemorgen, {name}",
  "dashboard.greeting.afternoon": "Goedemiddag, {name}",
  "dashboard.greeting.evening": "Goedenavond, {name}",
  "dashboard.purpose": "Dit is je eigen plek om documenten te lezen en vragenlijsten in te vullen van {practice}.",

  "not_found.title": "Pagina niet gevonden",
  "not_found.body": "De pagina die je zoekt bestaat niet.",
  "error.title": "Er ging iets mis",
  "error.body": "Probeer het zo nog eens. Blijft dit gebeuren, neem dan contact op met je praktijk.",

  "errors.invalid_input": "Het verzoek bevat ongeldige gegevens.",
  "errors.unauthorized": "Log in om verder te gaan.",
  "errors.forbidden": "Je mag dit niet doen.",
  "errors.not_found": "Niet gevonden.",
  "errors.conflict": "Dit is intussen ergens anders gewijzigd.",
  "errors.payload_too_large": "Het verzoek is te groot.",
  "errors.unsupported_media_type": "Dit soort inhoud wordt niet geaccepteerd.",
  "errors.rate_limited": "Te veel verzoeken. Wacht even en probeer het opnieuw.",
  "errors.internal": "Er ging bij ons iets mis. Probeer het later opnieuw.",

  "mail.sign_in.subject": "Je inloglink voor {practice}",
  "mail.sign_in.greeting": "Beste {name},",
  "mail.sign_in.intro": "Met deze link log je in op het cliëntportaal van {practice}:",
  "mail.sign_in.button": "Inloggen bij {practice}",
  "mail.sign_in.code": "Of vul deze code in op de inlogpagina: {code}",
  "mail.sign_in.validity": "De link en de code zijn {minutes} minuten geldig en werken één keer.",
  "mail.sign_in.ignore":
    "Heb je niet gevraagd om in te loggen? Dan kun je deze e-mail negeren; zonder deze e-mail kan niemand inloggen.",
  "mail.footer": "Deze e-mail is verstuurd door {practice} via het cliëntportaal.",
} as const satisfies Record<MessageKey, string>;
