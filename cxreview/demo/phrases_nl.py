"""Dutch phrase pools for the demo generator; the keys match phrases_en."""

BOT_NAME = "Robin"

PHRASES: dict[str, list[str]] = {
    "bot_greet_disclosed": [
        "Hoi! Ik ben Robin, de digitale assistent van Northwind. Ik ben een chatbot, maar ik kan je met de meeste vragen helpen. Waarmee kan ik je helpen?",
        "Welkom bij Northwind. Je chat met Robin, een virtuele assistent (geen mens). Als ik het niet weet, zoek ik een collega voor je. Wat is je vraag?",
        "Goedendag, ik ben Robin, de chatbot van Northwind. Vertel kort waar je vraag over gaat.",
    ],
    "bot_greet_plain": [
        "Hoi! Waarmee kan ik je vandaag helpen?",
        "Welkom bij Northwind! Wat kan ik voor je doen?",
        "Hallo! Vertel me waar je vraag over gaat, dan help ik je meteen.",
    ],
    "bot_ask_order": [
        "Kun je me je ordernummer geven? Het begint met NW en staat in je bevestigingsmail.",
        "Om dit op te zoeken heb ik je ordernummer nodig (bijvoorbeeld NW-1234567).",
        "Wat is je ordernummer? Je vindt het in de bevestigingsmail.",
    ],
    "bot_ask_account": [
        "Kun je me je klantnummer of het e-mailadres van je account geven?",
        "Om je account te vinden heb ik je klantnummer nodig.",
        "Welk e-mailadres hoort bij je account?",
    ],
    "bot_repeat_order": [
        "Kun je me je ordernummer geven? Het begint met NW en staat in je bevestigingsmail.",
        "Kun je me je ordernummer geven? Het begint met NW en staat in je bevestigingsmail.",
        "Kun je me alsjeblieft je ordernummer geven? Het begint met NW en staat in je bevestigingsmail.",
    ],
    "bot_not_understood": [
        "Sorry, dat begreep ik niet helemaal. Kun je je vraag anders formuleren?",
        "Het spijt me, ik begrijp het niet. Kun je het op een andere manier zeggen?",
        "Sorry, dat snap ik niet. Kun je je vraag in een paar woorden omschrijven?",
    ],
    "bot_menu": [
        "Ik kan je helpen met: 1) pakket volgen 2) facturen en betalingen 3) gegevens wijzigen 4) opzeggen. Welke past bij je vraag?",
        "Kies een onderwerp: bezorging, facturen, technische hulp of opzeggen.",
    ],
    "bot_uncertain": [
        "Ik kan zelf geen betaalgegevens inzien, dus ik ga niet gokken. Een collega kan dit voor je nakijken.",
        "Ik weet niet zeker of ik dit goed kan beantwoorden. Contracten kan ik niet inzien; een collega wel.",
        "Dit kan ik als digitale assistent niet: een factuur aanpassen moet een medewerker doen.",
    ],
    "bot_handover": [
        "Ik verbind je nu door met een collega. De gemiddelde wachttijd is ongeveer {wait} minuten.",
        "Ik geef je door aan een van mijn menselijke collega's. Zij zien ons gesprek, dus je hoeft niets te herhalen.",
        "Ik zet je door naar een medewerker. Een ogenblik geduld alsjeblieft.",
    ],
    "bot_offer_handover": [
        "Wil je dat ik je doorverbind met een collega?",
        "Als je wilt, kan ik je doorzetten naar een medewerker. Zal ik dat doen?",
    ],
    "bot_resolved_delivery": [
        "Je pakket {order} is bij de bezorger en wordt op {date} tussen 14:00 en 18:00 bezorgd. Volg het via track.northwind.example/{order}",
        "Ik heb bestelling {order} gevonden. Die is gisteren verzonden en wordt verwacht op {date}.",
    ],
    "bot_resolved_billing": [
        "Je laatste factuur van {amount} is betaald op {date}. Je kunt hem downloaden via Mijn Account > Facturen.",
        "Ik zie één betaling van {amount} op {date}; er staan geen openstaande bedragen meer.",
    ],
    "bot_resolved_tech": [
        "Er is een bekende storing in jouw regio. Onze monteurs verwachten dat die op {date} om 17:00 is opgelost. Excuses voor het ongemak!",
        "Probeer je modem opnieuw op te starten: haal de stekker er 30 seconden uit. De lampjes worden binnen 2 minuten groen.",
    ],
    "bot_resolved_cancel": [
        "Je kunt opzeggen via Mijn Account > Abonnement > Opzeggen. Je abonnement stopt dan op {date}.",
        "Je contract is maandelijks opzegbaar. Ik heb het opzegformulier naar je e-mailadres gestuurd.",
    ],
    "bot_anything_else": ["Kan ik je nog ergens anders mee helpen?", "Heb je nog een andere vraag?"],
    "bot_bye": ["Bedankt voor je bericht aan Northwind. Fijne dag!", "Fijn dat ik je kon helpen. Tot ziens!"],
    "open_delivery": [
        "Hoi, mijn pakket zou gisteren komen en het is er nog steeds niet",
        "waar is mijn bestelling?? er staat bezorgd maar er ligt niks",
        "Goedemiddag, ik heb vorige week een koffiezetapparaat besteld en nog niets ontvangen.",
        "Mijn pakket is beschadigd aangekomen, de doos was helemaal ingedeukt",
        "Ik moet het bezorgadres van mijn bestelling wijzigen",
    ],
    "open_billing": [
        "Hoi, er is twee keer afgeschreven voor dezelfde bestelling",
        "Mijn factuur is deze maand veel hoger dan normaal, hoe kan dat?",
        "Ik heb 3 weken geleden mijn bestelling teruggestuurd en nog steeds geen geld terug",
        "waarom is er {amount} van mijn rekening gehaald? ik heb niks besteld",
        "Hallo, ik wil graag een kopie van mijn factuur van vorige maand",
    ],
    "open_tech": [
        "Mijn internet doet het sinds vanochtend niet meer",
        "Ik kan niet inloggen in de app, hij zegt steeds dat mijn wachtwoord fout is",
        "de modem valt elke paar minuten weg",
        "Hoi, mijn tv-kastje geeft foutmelding E-204 en start niet op",
        "De app crasht elke keer als ik mijn facturen open",
    ],
    "open_cancel": [
        "Ik wil mijn abonnement opzeggen",
        "Hoi, hoe zeg ik mijn contract op? Ik ga naar het buitenland verhuizen",
        "Graag mijn lidmaatschap stopzetten, ik gebruik het niet meer",
        "Ik wil opzeggen. De prijs is alweer omhoog gegaan en ik ben er klaar mee",
    ],
    "give_order": ["het is {order}", "{order}", "Ordernummer is {order}", "ja, {order}"],
    "give_account": [
        "mijn e-mail is {email}",
        "Klantnummer {custno}",
        "{email}, en mijn nummer is {phone}",
        "het staat op {email}",
    ],
    "rephrase": [
        "Ik heb mijn ordernummer al gegeven. {order}",
        "Dat zei ik net al. Het is {order}!!",
        "{order}. nogmaals.",
        "Zoals ik al zei, het ordernummer is {order}",
        "waarom vraag je steeds hetzelfde",
    ],
    "human_direct": [
        "Kan ik een echte medewerker spreken?",
        "Ik wil met een mens praten",
        "medewerker graag",
        "Ik wil iemand spreken",
        "Kun je me doorverbinden met een medewerker?",
    ],
    "human_indirect": [
        "is er iemand die me echt kan helpen?",
        "Dit werkt niet. Is er een persoon met wie ik kan praten?",
        "Ik praat liever met iemand, deze bot snapt het niet",
        "bel me alsjeblieft, mijn nummer is {phone}",
    ],
    "human_repeat": [
        "IK WIL EEN MENS SPREKEN",
        "Medewerker. Nu.",
        "hallo?? een echt persoon graag!!",
        "Stop met vragen stellen en geef me een medewerker",
    ],
    "agent_greet_warm": [
        "Hoi {customer}, ik ben {agent}. Ik heb je gesprek met Robin gelezen, dus je hoeft niets te herhalen. Vervelend dat het zo moeizaam ging.",
        "Hallo {customer}, met {agent}. Ik zie dat je hebt moeten wachten, sorry daarvoor. We gaan dit samen oplossen.",
        "Hoi {customer}, bedankt voor je geduld. Ik ben {agent} en ik neem het vanaf hier over.",
    ],
    "agent_greet_cold": ["Goedemiddag. Ordernummer?", "Hoi, met {agent}. Wat is het probleem?", "Goedendag. Waarmee kan ik helpen."],
    "agent_empathy": [
        "Ik begrijp heel goed hoe vervelend dat is, zeker als je erop rekende.",
        "Dat is echt frustrerend, en je had hier niet achteraan moeten hoeven zitten.",
        "Ik zou ook balen. Bedankt dat je het zo duidelijk uitlegt.",
    ],
    "agent_fix_delivery": [
        "Ik heb het nagevraagd bij de vervoerder: je pakket {order} is naar het verkeerde depot gestuurd. Ik heb een nieuwe bezorging geregeld voor {date}, gratis met spoed.",
        "Je bestelling {order} is blijven hangen in het sorteercentrum. Ik heb vandaag een vervanging verstuurd, die komt {date}. Je hoeft niets terug te sturen.",
    ],
    "agent_fix_billing": [
        "Je hebt gelijk, de betaling van {amount} is twee keer afgeschreven. Ik heb het dubbele bedrag teruggestort; binnen 3 werkdagen staat het op je rekening.",
        "Ik zie dat de terugbetaling voor je retour nooit is gestart. Ik heb het nu verwerkt: {amount}, uiterlijk {date} op je rekening.",
    ],
    "agent_fix_tech": [
        "Ik heb je verbinding vanaf onze kant gereset en een update naar je modem gestuurd. Kun je kijken of het nu werkt?",
        "Er ging iets mis met het herstellen van je wachtwoord. Ik heb je account vrijgegeven; je kunt inloggen via de link die ik je net heb gemaild.",
    ],
    "agent_fix_cancel": [
        "Ik heb je abonnement opgezegd. Het loopt af op {date} en daarna betaal je niets meer. Je krijgt een bevestiging per e-mail.",
        "Geregeld: je contract stopt op {date}. Succes met de verhuizing, en je bent altijd welkom terug.",
    ],
    "agent_cold_fix": ["Terugbetaling verwerkt. 3-5 werkdagen.", "Opgezegd per {date}.", "Reset gedaan. Probeer opnieuw.", "Nieuwe bezorging {date}."],
    "agent_bad_answer": [
        "Wacht alstublieft 10 werkdagen voordat u contact opneemt over een vermist pakket.",
        "Volgens onze algemene voorwaarden kunnen wij daar niet mee helpen.",
        "Dat kunnen wij niet doen. Kijk even in de veelgestelde vragen op onze website.",
        "Daarvoor moet u contact opnemen met uw bank.",
    ],
    "agent_check_works": ["Is dat goed zo?", "Is alles duidelijk?", "Kun je het nu even proberen?"],
    "agent_anything_else": ["Kan ik nog iets anders voor je doen, {customer}?", "Nog iets waarmee ik kan helpen?"],
    "agent_bye_warm": [
        "Bedankt voor je geduld {customer}, en nogmaals sorry voor het gedoe. Fijne avond!",
        "Graag gedaan! Nog een fijne dag.",
    ],
    "agent_bye_cold": ["Doei.", "Ik sluit de chat.", "Oké."],
    "agent_deescalate": [
        "Ik hoor je, en het spijt me. Je hebt gelijk dat dit de eerste keer al goed had moeten gaan. Ik los het nu op.",
        "Ik begrijp waarom je boos bent. Geef me twee minuten, dan zorg ik dat dit vandaag geregeld is.",
    ],
    "customer_ok": ["ok", "oké", "ja", "prima"],
    "customer_thanks": [
        "Top, heel erg bedankt!",
        "Dank je, dat ging snel",
        "perfect, bedankt voor je hulp",
        "Dank je wel {agent}, echt fijn",
        "ok bedankt",
    ],
    "customer_works": ["Ja het werkt weer!", "het doet het, dank je", "Ja, ik kan weer inloggen."],
    "customer_angry": [
        "Meen je dat nou? Belachelijk. Ik heb al lang genoeg gewacht",
        "Dit is onacceptabel. Ik heb betaald voor bezorging de volgende dag!!",
        "Dat is niet wat ik vroeg. Je luistert helemaal niet",
        "Nee, daar heb ik helemaal niks aan. Wat een grap",
        "Wauw. Geweldige service. Echt geweldig.",
    ],
    "customer_escalate": [
        "Ik wil je leidinggevende spreken",
        "Ik ga hier een klacht over indienen",
        "Laat maar, ik zeg mijn abonnement op",
        "Dit is de laatste keer dat ik bij jullie bestel",
    ],
    "customer_leaves": ["laat maar", "boeiend", "laat ook maar, ik bel wel", "nutteloos"],
    "customer_polite_furious": [
        "Met alle respect, dit is de derde keer dat ik dit uitleg en mijn geduld is echt op.",
        "Ik waardeer je moeite, maar ik ben enorm teleurgesteld in hoe dit is afgehandeld.",
    ],
    "customer_sarcasm": [
        "O leuk, weer een week wachten. Echt perfect.",
        "Fantastisch, dus ik betaal en krijg niks. Heerlijk.",
    ],
    "customer_followup": [
        "Hoi, ik had op {prev_day} contact over {topic} en het is nog steeds niet opgelost",
        "Ik weer. Vorige keer werd beloofd dat {topic} geregeld zou worden. Niet dus.",
        "Hallo, ik kom terug op mijn chat van {prev_day} over {topic}",
    ],
    "system_transfer": ["Gesprek doorgezet naar wachtrij {queue}", "Medewerker {agent} neemt deel aan het gesprek"],
    "system_closed": ["Gesprek gesloten", "Klant heeft de chat verlaten"],
}

TOPICS = {
    "delivery": "mijn bezorging",
    "billing": "de dubbele afschrijving",
    "technical support": "mijn internetverbinding",
    "cancellations": "mijn opzegging",
}
