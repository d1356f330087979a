"""Text of the CTPAT MSC (Importers) sample, in our own words; make_samples.py builds the workbook."""

from __future__ import annotations

__all__ = ["CATEGORIES", "CATEGORY_INTROS", "CRITERIA", "NOTES", "SUBTITLE", "TITLE"]

TITLE = "CTPAT Minimum Security Criteria – Importers"
SUBTITLE = (
    "Working copy kept by Trade Compliance · transcribed 14 March 2024 · "
    "paraphrased for internal use, see CBP for the official wording"
)

# Category number -> heading, in the order CBP groups them (three focus areas).
CATEGORIES: dict[str, str] = {
    "1": "Security Vision and Responsibility",
    "2": "Risk Assessment",
    "3": "Business Partners",
    "4": "Cybersecurity",
    "5": "Conveyance and Instruments of International Traffic Security",
    "6": "Seal Security",
    "7": "Procedural Security",
    "8": "Agricultural Security",
    "9": "Physical Security",
    "10": "Physical Access Controls",
    "11": "Personnel Security",
    "12": "Education, Training and Awareness",
}

# The short paragraph under each category heading of the PDF booklet (our own words).
CATEGORY_INTROS: dict[str, str] = {
    "1": "A security program lasts when leadership owns it and staff know it matters.",
    "2": "Companies look at their own supply chains to find where threats could enter.",
    "3": "Partners who handle the goods should meet security standards like the member's own.",
    "4": "Information systems that move trade data are protected like the cargo itself.",
    "5": "Containers, trailers and other instruments are inspected and kept secure in transit.",
    "6": "High-security seals and a written seal procedure guard the integrity of each load.",
    "7": "Documented procedures keep cargo and its paperwork accurate and complete.",
    "8": "Shipments and packing material are kept free of pests and visible contamination.",
    "9": "Buildings, fences, gates, locks and lighting deter and detect intrusion.",
    "10": "Only people with a reason to be there enter facilities and cargo areas.",
    "11": "Screening and sound hiring practices reduce the risk from insiders.",
    "12": "People who know the threats and the procedures are the first line of defence.",
}

# Lines of the small "Read me" sheet.
NOTES: list[str] = [
    "About this workbook",
    "Our own transcription of the CTPAT Minimum Security Criteria that apply to importers.",
    "IDs follow CBP's master numbering, so numbers are skipped where a criterion applies "
    "to other entity types only.",
    "Must = mandatory for certification; Should = recommended practice.",
    "Owner: Trade Compliance (supply chain security lead). Review with the annual "
    "security profile update.",
]

# (ID, Must/Should, criterion, implementation guidance). Guidance may be empty.
CRITERIA: list[tuple[str, str, str, str]] = [
    # 1. Security Vision and Responsibility
    (
        "1.1",
        "Must",
        "Senior management must state in writing that the company supports supply chain "
        "security and its CTPAT membership, and that statement must be made known to "
        "staff throughout the organization.",
        "A short policy signed by the president or another top officer works well. Post "
        "it where employees see it (break rooms, intranet), include it in onboarding and "
        "refer to it in company-wide communications.",
    ),
    (
        "1.2",
        "Should",
        "Supply chain security should be built into the company's existing compliance, "
        "audit and risk functions instead of depending on a single person.",
        "For example, give the compliance committee a standing agenda item on CTPAT, or "
        "include security controls in the internal audit plan.",
    ),
    (
        "1.3",
        "Must",
        "The company must run a documented internal review that checks, at regular "
        "intervals, that the security measures it has described to CBP are actually in "
        "place and working.",
        "Internal audits, walk-throughs or tests of procedures are all acceptable. Record"
        " what was checked, what was found and who fixed it, and report the results to "
        "management at least once a year.",
    ),
    (
        "1.4",
        "Must",
        "The company must name a point of contact for CTPAT who understands the program's"
        " requirements, and must keep that person's details current with CBP.",
        "The contact should be able to answer questions from the Supply Chain Security "
        "Specialist, coordinate validations and pass program notices on to the people "
        "concerned. Name a deputy for absences.",
    ),
    (
        "1.5",
        "Should",
        "Security tasks should be assigned to named owners in each department involved "
        "(logistics, purchasing, human resources, IT, facilities), with written "
        "procedures for each task.",
        "A responsibility matrix (who does what, who checks it) helps keep the program "
        "working when people change jobs.",
    ),
    # 2. Risk Assessment
    (
        "2.1",
        "Must",
        "The company must perform and document a risk assessment of its international "
        "supply chain that maps how cargo moves from the point of origin to its "
        "distribution center and identifies every business partner that handles the goods"
        " or the data along the way.",
        "Include partners that the direct suppliers and carriers use in turn "
        "(subcontracted trucking, consolidators, warehouses). A simple flow diagram per "
        "trade lane is a good starting point.",
    ),
    (
        "2.2",
        "Must",
        "The risk assessment must weigh the threats of each trade lane – terrorism, "
        "smuggling of drugs or people, organized crime, cargo theft – against the weak "
        "points found, and must result in a written action plan with owners and target "
        "dates.",
        "Rate each threat by likelihood and impact, using public sources on the countries"
        " and routes involved. Higher-risk lanes get stronger controls and more frequent "
        "checks.",
    ),
    (
        "2.3",
        "Must",
        "The risk assessment must be reviewed at least once a year and updated sooner "
        "when something important changes, such as a security incident, a new sourcing "
        "country or a new route.",
        "Keep each year's version so reviewers can see what changed and why.",
    ),
    (
        "2.4",
        "Should",
        "The company should keep written crisis management and business continuity plans "
        "that say how it will keep goods moving securely, and restore normal operations, "
        "after a security incident, natural disaster or other disruption.",
        "Plans should cover communication with CBP and partners, alternative routes or "
        "suppliers, and be tested through exercises.",
    ),
    (
        "2.5",
        "Should",
        "The company should follow current threat information from government agencies "
        "and industry sources and use it to update its risk assessment and procedures.",
        "Sources include CTPAT bulletins, alerts from law enforcement and reports from "
        "trade associations or insurers on theft and smuggling trends.",
    ),
    # 3. Business Partners
    (
        "3.1",
        "Must",
        "Before taking on a new business partner, and at intervals afterwards, the "
        "company must assess the partner following a documented procedure in which the "
        "depth of checking grows with the risk the partner presents.",
        "Look for warning signs such as a very recent incorporation, weak finances, "
        "reluctance to share information, or any link to money laundering or terrorist "
        "financing. Keep the results of each screening on file.",
    ),
    (
        "3.3",
        "Must",
        "For business partners that can join CTPAT or a program that CBP mutually "
        "recognizes, the company must verify and record whether each partner is "
        "certified.",
        "Keep evidence of the verification, for example a printout from the status "
        "verification interface or a copy of the partner's AEO certificate, and check it "
        "again each year.",
    ),
    (
        "3.4",
        "Must",
        "Business partners that are not certified must show, in writing or through an "
        "audit, that their security practices meet the CTPAT criteria that apply to their"
        " role.",
        "Common ways to obtain this evidence:\n"
        "- a security questionnaire signed by a manager of the partner\n"
        "- contract clauses requiring the criteria to be met\n"
        "- an on-site audit by the company or an independent auditor",
    ),
    (
        "3.5",
        "Must",
        "When a review of a business partner finds a security weakness, the partner must "
        "correct it promptly and the company must confirm that the correction was made.",
        "Keep a log of open findings with the agreed deadline and the evidence received "
        "(photos, revised procedures, a follow-up visit).",
    ),
    (
        "3.6",
        "Should",
        "Contracts and service agreements with business partners should contain security "
        "requirements, including the duty to report incidents to the company.",
        "Typical clauses: follow the company's security requirements, allow audits, "
        "report any incident or seal anomaly within 24 hours.",
    ),
    (
        "3.7",
        "Should",
        "Partners in high-risk supply chains should be reviewed more often, including "
        "on-site visits to their facilities.",
        "Base the frequency on the risk assessment: for example every year for high-risk "
        "foreign manufacturers, every three years for low-risk domestic carriers.",
    ),
    (
        "3.8",
        "Should",
        "The company should have a social compliance program that makes sure the goods it"
        " imports were not made with forced or prison labor.",
        "Supplier codes of conduct, audits of working conditions and a way for workers to"
        " raise complaints are typical parts of such a program.",
    ),
    (
        "3.9",
        "Must",
        "Carriers and logistics providers that move the company's cargo must not hand the"
        " movement to another carrier without the company's knowledge and consent, and "
        "the subcontractor must meet the same security requirements.",
        "Put the rule in the transport contract and ask carriers for a list of the "
        "subcontractors they may use.",
    ),
    (
        "3.10",
        "Should",
        "Before a new business partner is engaged, it should be checked against "
        "government sanctions and denied-party lists, and the check should be repeated "
        "when the lists change.",
        "Screening software or the consolidated lists published by the authorities can be"
        " used; record the date and result of each check.",
    ),
    # 4. Cybersecurity
    (
        "4.1",
        "Must",
        "IT systems and business data must be protected by a set of written cybersecurity"
        " policies and procedures that the company actually applies.",
        "Policies should cover at least access control, malware protection, backups, "
        "incident handling and acceptable use of company devices.",
    ),
    (
        "4.2",
        "Must",
        "Company computers and servers must run anti-malware software that is kept "
        "current, and the network must be guarded by firewalls, so that viruses, spyware,"
        " worms, trojans and intrusion attempts are blocked.",
        "Turn on automatic signature updates and review firewall rules when network "
        "connections to partners change.",
    ),
    (
        "4.3",
        "Must",
        "The company must test the security of its IT infrastructure regularly and fix "
        "the weaknesses it finds within a defined time.",
        "Vulnerability scans at least quarterly and an external penetration test every "
        "year or two are common practice.",
    ),
    (
        "4.4",
        "Should",
        "The company should decide and write down how it passes warnings about cyber "
        "threats to the authorities and to its business partners, and what it does with "
        "warnings it receives.",
        "Name who may share indicators of compromise with whom, and how confidential "
        "partner information is protected when doing so.",
    ),
    (
        "4.5",
        "Must",
        "The company must be able to notice when someone gets into its systems or data "
        "without permission or breaks IT rules – for example staff browsing prohibited "
        "websites or changing business records they should not touch – and must "
        "discipline those responsible.",
        "Event logs, alerts on repeated failed log-ins and periodic review of access "
        "rights help detect misuse.",
    ),
    (
        "4.6",
        "Must",
        "The cybersecurity rules must be looked at again every year, and earlier when "
        "threats or the company's systems change, and corrected where needed.",
        "",
    ),
    (
        "4.7",
        "Must",
        "User access to IT systems must be limited to what each job needs, and accounts "
        "must be removed or changed promptly when employees leave or move to another "
        "role.",
        "Review all accounts and their permissions at least twice a year, and link the "
        "leaver process in HR to account deactivation.",
    ),
    (
        "4.8",
        "Must",
        "Every person who uses the company's systems must have an individual account; "
        "shared log-ins are not allowed, and passwords or passphrases must be strong and "
        "changed when they may have been exposed.",
        "Favor long passphrases, lock accounts after repeated failures and never reuse "
        "the default passwords of devices.",
    ),
    (
        "4.9",
        "Must",
        "Working from outside the office must be possible only through an encrypted "
        "channel, for example the company VPN, never by exposing internal systems "
        "directly to the internet.",
        "Turn off direct remote desktop access from the internet; allow connections only "
        "through the VPN gateway.",
    ),
    (
        "4.10",
        "Should",
        "Where staff are allowed to work on their own phones or laptops, those devices "
        "should meet the same security rules as company equipment, including current "
        "updates and a protected way into company data.",
        "Mobile device management software can enforce screen locks, encryption and "
        "remote wiping of company data.",
    ),
    (
        "4.11",
        "Must",
        "Through its purchasing and IT rules, the company must make sure that fake or "
        "pirated hardware and software do not end up in its systems.",
        "Buy hardware and licences only from authorised resellers and keep proof of "
        "purchase in the asset register.",
    ),
    (
        "4.12",
        "Should",
        "Business data should be copied to backup at least weekly, confidential files "
        "should be encrypted at rest, and one copy should be held away from the main site"
        " so that systems can be rebuilt after an attack.",
        "Test restoring from backups at least once a year; ransomware often also targets "
        "backups that stay connected to the network.",
    ),
    (
        "4.13",
        "Must",
        "Hard drives, USB sticks, phones, copiers and other devices that store shipment "
        "or company data must be listed in an inventory, and their data must be erased "
        "beyond recovery, or the device destroyed, before it is thrown away or sold.",
        "Keep a certificate of destruction when an outside company wipes or shreds media.",
    ),
    (
        "4.15",
        "Should",
        "Multi-factor authentication should be used for remote access, e-mail and systems"
        " that hold trade or shipment data.",
        "Use an authenticator app or hardware key rather than text messages where possible.",
    ),
    (
        "4.16",
        "Should",
        "Employees should have an easy way to report suspected phishing e-mails and other"
        " cyber incidents, and reports should be followed up by the IT function.",
        'A "report phishing" button in the mail client and a single internal address for '
        "incidents make reporting quick.",
    ),
    # 5. Conveyance and Instruments of International Traffic Security
    (
        "5.1",
        "Must",
        "Empty and loaded containers, trailers and other instruments of international "
        "traffic (IIT), and the trucks that pull them, must be parked where outsiders "
        "cannot reach them, so nobody can alter their structure or interfere with doors "
        "and seals.",
        "Examples: a fenced yard with controlled gates, or a monitored loading dock. "
        "Applies to empty and loaded containers, trailers and rail cars.",
    ),
    (
        "5.2",
        "Must",
        "How conveyances and IIT are inspected for security and for pests must be written"
        " down: who inspects, at which stage, what is checked and what to do when "
        "something is found.",
        "Procedures should cover empty and loaded units, the points of the journey where "
        "inspections happen, and whom to alert when something suspicious is found.",
    ),
    (
        "5.3",
        "Must",
        "Before stuffing, every empty container or trailer must pass a seven-point "
        "inspection:\n"
        "1. front wall\n"
        "2. left side\n"
        "3. right side\n"
        "4. floor\n"
        "5. ceiling or roof\n"
        "6. inside and outside doors, including the locking bars\n"
        "7. outside, including the undercarriage",
        "Look for hidden compartments, unusual repairs and anything that does not belong."
        " Knock on walls and measure inside length against outside length where a false "
        "wall is suspected.",
    ),
    (
        "5.4",
        "Must",
        "Where goods cross a land border by truck, the tractor and trailer must pass a "
        "seventeen-point inspection covering the tractor (bumpers, engine, tires, floor, "
        "fuel and air tanks, cab and sleeper, drive shafts, fifth wheel, exhaust) and the"
        " trailer (fifth-wheel area, outside and undercarriage, doors, walls, floor, "
        "ceiling, refrigeration unit).",
        "Importers normally make this a contractual requirement for their highway "
        "carriers and ask for the completed checklists.",
    ),
    (
        "5.5",
        "Should",
        "Inspections of conveyances and IIT should be recorded on a checklist that shows "
        "the container or trailer number, date, time, name of the inspector and each "
        "point checked.",
        "Keep the checklists with the shipping documents for at least one year.",
    ),
    (
        "5.6",
        "Should",
        "Inspections should take place in an area with controlled access and, where "
        "available, under video surveillance.",
        "Do not inspect on the public road or in an unfenced lot where the unit could be "
        "reached after the inspection.",
    ),
    (
        "5.8",
        "Should",
        "A supervisor or security officer should re-check a random sample of inspected "
        "conveyances to confirm that inspections are done properly.",
        "Record the supervisor's check on the same checklist, with date and signature.",
    ),
    (
        "5.10",
        "Should",
        "Highway carriers moving the company's shipments should track them in transit, "
        "for example by GPS, and be able to show where a load has been.",
        "Geofence alerts on the planned route allow unusual stops or detours to be "
        "noticed while the truck is still moving.",
    ),
    (
        "5.12",
        "Must",
        "Transit times between the point of loading and the border or port must be "
        "monitored, and unexplained delays must be investigated.",
        "Agree expected transit times with carriers for each lane so that delays can be "
        "recognised.",
    ),
    (
        "5.15",
        "Must",
        "If there is credible evidence that a conveyance or container has been tampered "
        "with, it must be held and examined, and the company must report the finding to "
        "CBP and its partners.",
        "Do not open or move the unit more than necessary before the authorities decide "
        "how to proceed.",
    ),
    (
        "5.24",
        "Must",
        "Inspectors must look for signs of structural changes to conveyances and IIT, "
        "such as false walls or floors, fresh welds, new paint or unusual bolts, which "
        "could indicate hidden compartments.",
        "A reference photo of an unmodified unit of the same type helps inspectors notice"
        " differences.",
    ),
    (
        "5.29",
        "Should",
        "Carriers should have a procedure for reacting when a tracked shipment leaves its"
        " route or stops where it should not.",
        "The procedure should say who is alerted (dispatcher, security lead, police) and "
        "how quickly.",
    ),
    (
        "5.31",
        "Must",
        "Drivers must report unscheduled stops, breakdowns and route changes, and "
        "carriers must keep a log of them for each trip.",
        "Driver logs should be checked against the GPS record after each trip on high-risk lanes.",
    ),
    # 6. Seal Security
    (
        "6.1",
        "Must",
        "The company must keep a written seal policy that covers how seals are ordered, "
        "stored, issued, affixed, checked and recorded, and how to deal with a broken or "
        "altered seal.",
        "Procedures should be detailed enough that a new employee could follow them, and "
        "should be reviewed once a year.",
    ),
    (
        "6.2",
        "Must",
        "Once stuffing is finished, the party that loaded a container or trailer bound "
        "for the United States must close it at once with a high-security seal certified "
        "to ISO 17712.",
        "The party that stuffs the container is responsible for sealing it; for shipments"
        " from a foreign supplier this is normally the supplier or its consolidator.",
    ),
    (
        "6.3",
        "Must",
        "Seals must be kept locked up and handed out only by a small number of designated"
        " employees, with a log showing each seal number, who received it and the "
        "shipment it was used on.",
        "Reconcile the log with the seal stock at the end of each shift or day.",
    ),
    (
        "6.4",
        "Must",
        "Seals must be checked with the VVTT routine:\n"
        "V – look at the seal and the door locking hardware for damage;\n"
        "V – compare the seal number with the number on the shipping papers;\n"
        "T – pull the seal to be sure it is locked;\n"
        "T – twist and turn it to be sure it cannot be unscrewed or slipped off.",
        "Check when the seal is applied, at hand-overs along the route and when the "
        "shipment arrives.",
    ),
    (
        "6.5",
        "Should",
        "Seal inventories should be audited periodically, reconciling seals in stock with"
        " the issue log and the shipping documents.",
        "Unannounced audits by someone outside the shipping team give the most reliable picture.",
    ),
    (
        "6.6",
        "Must",
        "Seals must be bolt or cable seals certified as high-security under ISO 17712, "
        "and the seal supplier must be able to provide the test certificate.",
        "Keep the certificate on file and ask for a new one when the seal supplier or "
        "model changes.",
    ),
    (
        "6.7",
        "Must",
        "Seal numbers must be written on the shipping documents and compared with the "
        "seal on the container when the shipment arrives; any mismatch must be reported.",
        "Report mismatches to the security lead and, for inbound shipments, to CBP before"
        " the container is opened.",
    ),
    (
        "6.8",
        "Should",
        "When a seal is removed in transit, for example for a government inspection, the "
        "new seal number, the reason and the person who replaced it should be recorded "
        "and the importer informed.",
        "A photo of the new seal in place helps to close the record.",
    ),
    (
        "6.9",
        "Should",
        "The seal should be placed on the locking bar of the right-hand door, in a "
        "position where the door cannot be opened or removed without breaking it.",
        "Bolt seals fixed through the cam keeper rather than the handle catch make it "
        "harder to open doors by removing hinge pins.",
    ),
    # 7. Procedural Security
    (
        "7.1",
        "Must",
        "The company must have written procedures for handling cargo that prevent "
        "unmanifested goods from being added and stop unauthorized people from reaching "
        "the cargo.",
        "Describe how cargo is received, stored, picked, packed and loaded, and who is "
        "allowed into each area.",
    ),
    (
        "7.2",
        "Must",
        "Cargo waiting to be loaded, and the areas around it, must be kept secure and "
        "checked regularly for anything that does not belong there, including pest "
        "contamination.",
        "Walk the staging area at the start of each shift and before each loading.",
    ),
    (
        "7.4",
        "Must",
        "When cargo is received, it must be checked against the purchase order, packing "
        "list or manifest for piece count, weight and marks.",
        "Weigh and count on arrival, and photograph damaged packaging before accepting it.",
    ),
    (
        "7.7",
        "Must",
        "Drivers who deliver or collect cargo must be positively identified before goods "
        "are received or handed over.",
        "Check a photo ID, compare the driver's name and truck number with the pick-up "
        "notice from the carrier, and log the visit.",
    ),
    (
        "7.8",
        "Must",
        "Shipping paperwork must be readable, correct and complete, and kept so that "
        "nobody can swap, lose or falsify it.",
        "Restrict who can change shipment data in the system and keep a record of changes.",
    ),
    (
        "7.9",
        "Must",
        "Data sent to CBP about the company's shipments, such as importer security "
        "filings, must be accurate and sent on time.",
        "Check filings against the commercial documents before submission; correct errors"
        " as soon as they are found.",
    ),
    (
        "7.10",
        "Must",
        "The bill of lading or manifest must truly reflect what was handed to the "
        "carrier, including the description, weight and number of pieces, and must be "
        "checked against the goods before release.",
        "",
    ),
    (
        "7.13",
        "Must",
        "Shortages, overages and other significant differences between the goods and the "
        "documents must be investigated and resolved.",
        "Decide in advance which size of discrepancy counts as significant and who "
        "investigates it.",
    ),
    (
        "7.23",
        "Must",
        "The company must have written procedures for reporting suspicious activity and "
        "security incidents to CBP and other law enforcement, including an up-to-date "
        "list of whom to call.",
        "Post the list in the shipping office and at the guard house; include CTPAT, the "
        "local port office and the police.",
    ),
    (
        "7.24",
        "Should",
        "After a security incident, the company should investigate its cause and take "
        "corrective action so the same thing does not happen again.",
        "Record findings in an incident report; share lessons learned with the business "
        "partners involved.",
    ),
    (
        "7.27",
        "Should",
        "The loading of containers should be supervised by a security officer or manager,"
        " and photos of the loaded cargo and the applied seal should be kept.",
        "Photos should show the load before the doors close, the closed doors and the "
        "seal with its number readable.",
    ),
    (
        "7.30",
        "Must",
        "Signs of a possible breach – a broken or mismatched seal, damaged packaging, "
        "unexpected goods – must be reported at once and the shipment must not be "
        "released until it has been examined.",
        "Examples of indicators: seal number not matching the documents, fresh paint or "
        "welds, goods that differ from the packing list, unusual odours.",
    ),
    (
        "7.37",
        "Should",
        "Where possible, cargo should be weighed and the result compared with the "
        "declared weight before it leaves the facility.",
        "A tolerance (for example ±2 %) decides when a difference needs to be investigated.",
    ),
    # 8. Agricultural Security
    (
        "8.1",
        "Must",
        "Written procedures must make sure that shipments, the units they travel in and "
        "their packaging are free of visible pests before they leave.",
        "Pests include insects, snails, seeds, plant material and soil. Found "
        "contamination must be removed before loading.",
    ),
    (
        "8.2",
        "Must",
        "Wood packaging material used for shipments, such as pallets and crates, must be "
        "treated and marked as required by the international standard ISPM 15.",
        "Ask suppliers to confirm that pallets carry the treatment mark and reject wood "
        "packaging without it.",
    ),
    (
        "8.4",
        "Should",
        "Containers and trailers should be swept or washed before loading so that soil "
        "and plant debris are not carried across borders.",
        "Pay particular attention to floor corners, door channels and the undercarriage.",
    ),
    # 9. Physical Security
    (
        "9.1",
        "Must",
        "Sites where cargo is stored or handled, yards and offices included, must be "
        "physically protected against intruders, with obstacles and visible deterrents "
        "suited to the location.",
        "Choose barriers by risk: fences, walls, bollards, locked buildings and clear "
        "signs that the area is private.",
    ),
    (
        "9.2",
        "Must",
        "Cargo handling and storage areas must be enclosed by a fence along the "
        "perimeter, and the fence must be walked and checked regularly for damage and "
        "gaps.",
        "Record fence inspections; repair holes and remove objects stacked against the "
        "fence that could help someone climb over.",
    ),
    (
        "9.3",
        "Should",
        "High-value goods, dangerous goods and cargo moving internationally should be "
        "kept apart from other goods inside the building, for example by cages or "
        "partition walls.",
        "",
    ),
    (
        "9.4",
        "Must",
        "Every gate where vehicles or people come and go must either have a guard or be "
        "watched remotely, and unused gates must be closed off so that as few as possible"
        " are in use.",
        "Gates not in use should be locked and checked during patrols.",
    ),
    (
        "9.5",
        "Should",
        "Employees and visitors should park their own cars away from the areas where "
        "cargo is handled or stored and away from trucks and containers.",
        "",
    ),
    (
        "9.6",
        "Must",
        "The site must be lit well enough at night that people can be seen at the gates, "
        "along the fence, in parking lots and wherever cargo is handled or stored.",
        "Check lights during patrols; replace failed lamps promptly.",
    ),
    (
        "9.7",
        "Must",
        "Doors, windows, gates and fences, both outside and inside the buildings, must be"
        " lockable, and the company must control who receives keys and access cards.",
        "Keep a key register and change locks or codes when keys are lost.",
    ),
    (
        "9.8",
        "Should",
        "Security technology such as intrusion alarms and video surveillance should be "
        "used to watch the premises, with written rules for how it is installed, "
        "maintained and tested.",
        "Test alarms at least monthly and keep a maintenance log.",
    ),
    (
        "9.9",
        "Should",
        "Cameras should cover the key areas of the cargo handling process, such as gates,"
        " loading docks and the seal store, and recordings should be kept long enough to "
        "support an investigation.",
        "Many companies keep at least 45 days of recordings for loading areas.",
    ),
    (
        "9.10",
        "Should",
        "Recordings from surveillance cameras should be reviewed periodically, at random,"
        " to confirm that procedures were followed.",
        "Document each review: date, reviewer, time span watched and findings.",
    ),
    (
        "9.11",
        "Should",
        "Security systems should be protected against tampering and keep working during a"
        " power cut.",
        "Use backup power (UPS or generator) and alarms that report when a camera goes offline.",
    ),
    # 10. Physical Access Controls
    (
        "10.1",
        "Must",
        "Entry to the facility must be controlled so that only authorized people get in; "
        "at each entrance, staff, visitors and contractors must have their identity "
        "confirmed.",
        "",
    ),
    (
        "10.2",
        "Must",
        "Each visitor must prove who they are with photo identification on arrival, and "
        "the visit must be written into a log (name, date, arrival and departure times, "
        "host); visitors must wear a temporary badge where it can be seen and be "
        "accompanied in cargo areas.",
        "Collect temporary badges at departure and reconcile them with the log at the end"
        " of the day.",
    ),
    (
        "10.3",
        "Must",
        "Employees must receive photo ID badges that give access only to the areas their "
        "work requires, and badges must be returned when they leave the company.",
        "Deactivate lost badges at once and log all badge changes.",
    ),
    (
        "10.4",
        "Must",
        "How keys, key cards and door codes are handed out, changed and taken back must "
        "be set down in a written procedure.",
        "Codes should be changed when a holder leaves; cards and keys should be "
        "reconciled against the register each year.",
    ),
    (
        "10.7",
        "Should",
        "Mail and packages arriving at the facility should be screened for suspicious "
        "content before they are distributed.",
        "Unexpected packages with no clear sender should be set aside and reported.",
    ),
    (
        "10.8",
        "Should",
        "If security guards are used, they should work from written post orders, and "
        "management should check regularly that they follow them.",
        "Post orders should cover patrol routes, gate checks, visitor handling and what "
        "to do in an emergency.",
    ),
    (
        "10.10",
        "Should",
        "Employees should know how to challenge unknown or unidentified persons on the "
        "premises and how to report them.",
        "Cover this in security awareness training and in the induction of new employees.",
    ),
    (
        "10.11",
        "Should",
        "Access records from key-card systems should be reviewed for unusual entries, "
        "such as access outside working hours.",
        "Investigate entries that do not match shifts or the person's role.",
    ),
    # 11. Personnel Security
    (
        "11.1",
        "Must",
        "Before someone is hired, the company must check what the applicant has stated, "
        "in particular past jobs and references, following a written screening process.",
        "Verify identity documents and confirm at least the last two employers.",
    ),
    (
        "11.2",
        "Must",
        "Subject to what local law permits, new hires must undergo a background "
        "investigation, such as a criminal record search, whose depth depends on how "
        "sensitive the job is.",
        "Positions with access to cargo, seals, shipping data or IT administration are "
        "usually treated as sensitive.",
    ),
    (
        "11.3",
        "Should",
        "Employees in sensitive positions should be re-checked periodically, and whenever"
        " there is a reason for concern.",
        "Base the frequency on the position's risk, for example every three to five years.",
    ),
    (
        "11.5",
        "Must",
        "Staff must sign that they have read a code of conduct describing how they are "
        "expected to behave and the disciplinary measures for breaking it.",
        "Review the code of conduct with employees during training each year.",
    ),
    (
        "11.6",
        "Should",
        "Employees should be able to report security concerns anonymously and without "
        "fear of retaliation.",
        "A hotline or an anonymous mailbox can be used.",
    ),
    (
        "11.7",
        "Must",
        "Temporary and contract workers must be screened to the same standard as "
        "permanent staff, either by the company or by the staffing agency under contract.",
        "The contract with the agency should describe the checks to be done and allow the"
        " company to review the results.",
    ),
    (
        "11.8",
        "Must",
        "When employees leave, their identification, keys and access cards must be "
        "collected and their system access removed the same day.",
        "HR should notify security and IT on or before the last working day.",
    ),
    # 12. Education, Training and Awareness
    (
        "12.1",
        "Must",
        "All employees must be taught, when they join and again at regular intervals, how"
        " criminals and terrorists can misuse the company's supply chain and what part "
        "each of them plays in preventing it.",
        "Topics include how smugglers and terrorists exploit supply chains, how to keep "
        "cargo intact, and how to spot and report suspicious activity.",
    ),
    (
        "12.2",
        "Must",
        "Employees who inspect conveyances and IIT must be trained to perform the "
        "seven-point and seventeen-point inspections and to recognize hidden compartments"
        " and pest contamination.",
        "Include hands-on practice on an empty container and a truck, with examples of "
        "typical hiding places.",
    ),
    (
        "12.3",
        "Must",
        "Training records must be kept showing the date, the people trained, the topics "
        "and the materials used.",
        "Keep records for at least as long as the person works for the company.",
    ),
    (
        "12.4",
        "Must",
        "Staff in shipping, receiving and the mailroom must be trained to recognize and "
        "report internal conspiracies, suspicious packages and unusual requests.",
        "Examples: colleagues asking for shipment details they do not need, requests to "
        "skip a check, goods added after loading.",
    ),
    (
        "12.8",
        "Must",
        "All employees with access to company IT must receive cybersecurity awareness "
        "training at least once a year, covering topics such as phishing, passwords and "
        "reporting incidents.",
        "Simulated phishing campaigns show whether the training works.",
    ),
    (
        "12.9",
        "Should",
        "The effectiveness of training should be measured, for example by tests, quizzes "
        "or drills, and the program adjusted accordingly.",
        "",
    ),
    (
        "12.10",
        "Should",
        "Employees who operate and manage security technology, such as cameras and "
        "alarms, should be trained to use it.",
        "Include how to export and preserve recordings for an investigation.",
    ),
    (
        "12.11",
        "Should",
        "Employees who apply and check seals should be trained in the seal procedure and "
        "the VVTT check.",
        "",
    ),
]
