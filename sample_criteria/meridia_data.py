"""Text of the fictional Meridia AEO-S partner sample and its gold links to the CTPAT sample."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["CRITERIA", "HISTORY", "SECTIONS", "SUBTITLE", "TITLE", "Req", "section_title"]

TITLE = "Meridian Customs Service – Authorised Economic Operator – Security and Safety (AEO-S)"
SUBTITLE = (
    "Conditions and criteria for authorisation, with explanatory notes for applicants. "
    "Edition 3.1, 1 July 2023. Level: Mandatory = condition for the authorisation; "
    "Recommended = good practice considered in the audit."
)

HISTORY: list[tuple[str, str, str]] = [
    ("Edition", "Date", "Changes"),
    ("2.0", "2017-01-15", "First edition aligned with the WCO SAFE Framework of Standards."),
    (
        "3.0",
        "2021-09-01",
        "New chapter 11 (information systems security); trading-partner "
        "conditions split into 8.1 and 8.2.",
    ),
    (
        "3.1",
        "2023-07-01",
        "Seal standard updated; explanatory notes on sanctions screening "
        "and tracking of means of transport added.",
    ),
]

# Section number -> heading. Chapters 1-4 are the general (non-security) conditions.
SECTIONS: dict[str, str] = {
    "1.1": "Record of compliance with customs legislation",
    "1.2": "Internal customs procedures",
    "2.1": "Commercial and transport records",
    "2.2": "Retention and availability of records",
    "3.1": "Proven financial solvency",
    "4.1": "Consultation and communication with customs",
    "4.2": "Practical standards of competence",
    "5.1": "Security organisation and policy",
    "5.2": "Threat and risk assessment",
    "5.3": "Incident management and crisis recovery",
    "5.4": "Measurement, analysis and improvement",
    "6.1": "Security of buildings and premises",
    "6.2": "Access to premises and cargo areas",
    "7.1": "Unit load devices and means of transport",
    "7.2": "Tamper-evident seals",
    "7.3": "Logistics processes: incoming, storage and outgoing goods",
    "7.4": "Non-fiscal requirements",
    "8.1": "Trading partners",
    "8.2": "External service providers",
    "9.1": "Staff security",
    "10.1": "Security education and awareness",
    "11.1": "Information systems security",
}


def section_title(ref: str) -> str:
    """'6.2.3' -> '6.2 Access to premises and cargo areas'."""
    key = ".".join(ref.split(".")[:2])
    return f"{key} {SECTIONS[key]}"


@dataclass(frozen=True)
class Req:
    """One Meridia requirement and the CTPAT refs it corresponds to (CTPAT ref -> relationship)."""

    ref: str
    level: str
    text: str
    notes: str = ""
    maps: dict[str, str] = field(default_factory=dict)


# Relationship reads "CTPAT criterion <relation> Meridia requirement":
# subset_of = Meridia asks for more (or covers more ground), superset_of = Meridia
# covers only part of the CTPAT criterion, intersects_with = each has something the
# other lacks, equal = same obligation in other words.
M, R = "Mandatory", "Recommended"

CRITERIA: list[Req] = [
    # ---- 1 Customs compliance (no CTPAT counterpart) ----
    Req(
        "1.1.1",
        M,
        "Neither the applicant nor the persons who manage it or handle its customs matters "
        "may have committed a serious infringement, or repeated infringements, of customs "
        "or tax rules during the three years before the application.",
        "Minor errors that the economic operator corrected itself and reported to the "
        "Service are not counted as infringements. Give the number and nature of any "
        "penalties received.",
    ),
    Req(
        "1.1.2",
        M,
        "The economic operator shall have a documented way of finding errors in its customs "
        "declarations, correcting them and disclosing them voluntarily to the Meridian "
        "Customs Service.",
        "Describe who checks declarations after lodgement, how often, and how the results "
        "are passed on to the Service.",
    ),
    Req(
        "1.1.3",
        R,
        "The economic operator should keep an up-to-date list of the persons and customs "
        "representatives it has authorised to lodge declarations on its behalf.",
    ),
    Req(
        "1.2.1",
        M,
        "Decisions on tariff classification, customs value and origin of goods shall follow "
        "written internal instructions and be reviewed whenever products, suppliers or "
        "prices change.",
        "Binding tariff or origin information obtained from the Service should be recorded "
        "and applied consistently.",
    ),
    Req(
        "1.2.2",
        M,
        "The applicant shall have procedures to identify goods subject to import or export "
        "licences, quotas or other prohibitions and restrictions, and to manage the "
        "licences concerned.",
    ),
    # ---- 2 Records (no CTPAT counterpart) ----
    Req(
        "2.1.1",
        M,
        "The applicant shall keep its accounts in a system consistent with the accounting "
        "principles applied in Meridia, in a form that allows customs controls based on "
        "audit.",
    ),
    Req(
        "2.1.2",
        M,
        "The economic operator shall give the Service physical or electronic access to its "
        "customs records and, where relevant, to its transport records.",
        "Remote read access to the relevant part of the accounting system is the preferred "
        "solution for large operators.",
    ),
    Req(
        "2.1.3",
        M,
        "The logistics system shall distinguish goods under customs supervision from goods "
        "in free circulation and show where each consignment is stored.",
        "Stock records should allow the Service to trace a consignment from its arrival "
        "to its release or re-export.",
    ),
    Req(
        "2.2.1",
        M,
        "Commercial and customs records shall be kept for at least six years and archived "
        "so that they can be found and read during that period.",
    ),
    Req(
        "2.2.2",
        R,
        "The accounting system should record the link between each customs declaration and "
        "the related commercial invoice, payment and transport document.",
    ),
    # ---- 3 Financial solvency (no CTPAT counterpart) ----
    Req(
        "3.1.1",
        M,
        "The applicant shall show that during the last three years it was able to pay its "
        "debts and was not subject to insolvency or liquidation proceedings.",
    ),
    Req(
        "3.1.2",
        M,
        "Annual financial statements for the last three financial years shall be submitted; "
        "a negative net position must be covered by a guarantee or explained.",
        "Newly established operators submit their latest balance sheet and a cash-flow "
        "forecast instead.",
    ),
    Req(
        "3.1.3",
        M,
        "The economic operator shall inform the Service without delay of any event that "
        "could weaken its financial standing, such as the loss of a main customer or an "
        "unpaid tax debt.",
    ),
    # ---- 4 Consultation and competence (no CTPAT counterpart) ----
    Req(
        "4.1.1",
        M,
        "The authorisation holder shall notify the Service of changes to its legal form, "
        "ownership, addresses or main activities that may affect the authorisation.",
    ),
    Req(
        "4.1.2",
        R,
        "The economic operator should take part in consultation meetings and outreach "
        "sessions organised by the Service on new procedures and legislation.",
    ),
    Req(
        "4.1.3",
        M,
        "Information received from the Service under the programme shall be treated as "
        "confidential and used only for the purposes for which it was provided.",
    ),
    Req(
        "4.2.1",
        M,
        "The applicant or the person in charge of its customs matters shall have at least "
        "three years of practical experience in customs matters or a customs qualification "
        "recognised by the Service.",
    ),
    Req(
        "4.2.2",
        R,
        "Staff who prepare customs declarations should receive regular training on changes "
        "to customs and tariff legislation.",
    ),
    # ---- 5 Security management ----
    Req(
        "5.1.1",
        M,
        "The management of the economic operator shall adopt a security and safety policy "
        "for the international supply chain and bring it to the attention of all staff.",
        "The policy should be signed at board level, dated and reviewed periodically.",
        maps={"1.1": "equal"},
    ),
    Req(
        "5.1.2",
        M,
        "A security contact person shall be appointed who knows the AEO-S conditions, "
        "answers the Service's questions on security and keeps the Service informed of "
        "changes to security arrangements.",
        "Give the name, position and contact details of the contact person and of a substitute.",
        maps={"1.4": "equal"},
    ),
    Req(
        "5.1.3",
        R,
        "Responsibilities for each security measure should be allocated to named functions "
        "in the organisation chart and described in job descriptions.",
        "An organisation chart showing the security functions and their deputies should "
        "be attached to the application.",
        maps={"1.5": "intersects_with"},
    ),
    Req(
        "5.1.4",
        M,
        "Compliance with the security arrangements declared in the application shall be "
        "verified by internal audits at planned intervals, and the results reported to "
        "management.",
        "The audit programme should cover every chapter of these conditions at least once"
        " in three years; keep audit reports and the actions taken.",
        maps={"1.3": "equal"},
    ),
    Req(
        "5.2.1",
        M,
        "The economic operator shall carry out and document an assessment of the threats and "
        "risks to its part of the supply chain, covering its premises, the routes used and "
        "the trading partners that handle its goods.",
        "Identify how goods move from the supplier to the operator's premises and beyond, "
        "and which parties are involved at each stage.",
        maps={"2.1": "subset_of", "2.2": "intersects_with"},
    ),
    Req(
        "5.2.2",
        M,
        "Measures taken to address the risks identified shall be recorded in a security "
        "plan that names the persons responsible and the deadlines.",
        "The security plan may be part of a wider management system (for example ISO "
        "28000) provided the customs-related risks are visible.",
        maps={"2.2": "intersects_with"},
    ),
    Req(
        "5.2.3",
        M,
        "The assessment referred to in 5.2.1 shall be revisited annually and whenever the"
        " operator's activities, premises or routes change significantly or an incident "
        "has occurred.",
        "Keep earlier versions of the assessment so that the Service can see how risks "
        "have developed.",
        maps={"2.3": "equal"},
    ),
    Req(
        "5.3.1",
        R,
        "Business continuity arrangements should enable the operator to maintain security"
        " and recover its logistics activity after a serious disruption, and should be "
        "exercised.",
        "Plans should name the persons to be alerted, alternative premises or routes and "
        "the way the Service is informed.",
        maps={"2.4": "equal"},
    ),
    Req(
        "5.3.2",
        M,
        "Security incidents shall be recorded, their causes investigated and corrective "
        "measures decided and followed up.",
        "An incident register with date, description, cause, measures and closing date is"
        " sufficient for small operators.",
        maps={"7.24": "equal"},
    ),
    Req(
        "5.3.3",
        M,
        "Irregularities and suspicious findings concerning the goods or their handling "
        "shall be reported without delay to the Meridian Customs Service and, where "
        "appropriate, to the police.",
        "Keep a list of emergency numbers at the reception and in the dispatch office.",
        maps={"7.23": "equal", "5.15": "intersects_with", "7.30": "intersects_with"},
    ),
    Req(
        "5.4.1",
        R,
        "The economic operator should define indicators for its security performance, "
        "analyse them and use the results to improve its measures.",
        maps={"1.3": "intersects_with"},
    ),
    Req(
        "5.4.2",
        R,
        "Warnings and threat information published by the authorities should be monitored "
        "and taken into account when procedures are reviewed.",
        maps={"2.5": "equal"},
    ),
    # ---- 6 Premises and access ----
    Req(
        "6.1.1",
        M,
        "The outer boundary of the premises shall be secured by fences, walls or other "
        "barriers suited to the risk, and these shall be checked regularly and repaired "
        "when damaged.",
        "Describe the type and height of fences, how often the boundary is inspected and "
        "who records the inspections.",
        maps={"9.1": "intersects_with", "9.2": "equal"},
    ),
    Req(
        "6.1.2",
        M,
        "Buildings shall be constructed of materials that resist unlawful entry, and doors, "
        "windows and other openings shall be secured by locks or equivalent means.",
        maps={"9.1": "intersects_with", "9.7": "intersects_with"},
    ),
    Req(
        "6.1.3",
        M,
        "Entrances for vehicles and pedestrians shall be limited in number and guarded or "
        "watched while open.",
        "Gates that are rarely used should be locked and sealed and checked during rounds.",
        maps={"9.4": "equal"},
    ),
    Req(
        "6.1.4",
        M,
        "The premises shall be adequately lit at night, in particular the entrances, the "
        "loading and storage areas and the boundary.",
        maps={"9.6": "equal"},
    ),
    Req(
        "6.1.5",
        M,
        "Keys, badges and codes for buildings and storage areas shall be issued only to "
        "authorised staff, recorded, and recovered or changed when no longer needed.",
        "Describe the key register and how lost keys are handled.",
        maps={"10.4": "equal", "9.7": "intersects_with"},
    ),
    Req(
        "6.1.6",
        R,
        "The premises should be equipped with intruder detection and closed-circuit "
        "television, covered by a maintenance contract and subject to periodic functional"
        " tests.",
        "State whether alarms are connected to a monitoring centre and how quickly it reacts.",
        maps={"9.8": "equal"},
    ),
    Req(
        "6.1.7",
        R,
        "The CCTV system should cover the entrances, the loading bays and the place where"
        " seals are stored; images are kept for thirty days or more and sampled for "
        "review.",
        maps={"9.9": "subset_of", "9.10": "intersects_with"},
    ),
    Req(
        "6.1.8",
        R,
        "Private vehicles should be kept outside the secured perimeter and away from the "
        "loading bays.",
        maps={"9.5": "equal"},
    ),
    Req(
        "6.1.9",
        R,
        "Goods of high value, dangerous goods and goods under customs supervision should be "
        "stored in separate, enclosed areas.",
        maps={"9.3": "intersects_with"},
    ),
    Req(
        "6.2.1",
        M,
        "Access to the premises and to areas where goods are handled shall be restricted to "
        "identified and authorised persons and vehicles.",
        "Describe the access control system (guard, badge reader, biometric) for each entrance.",
        maps={"10.1": "equal"},
    ),
    Req(
        "6.2.2",
        M,
        "Staff shall carry identification badges showing their photograph, and the areas a "
        "badge opens shall depend on the holder's duties.",
        maps={"10.3": "superset_of"},
    ),
    Req(
        "6.2.3",
        M,
        "Visitors shall show an identity document, be entered in the visitors' register "
        "with the times of arrival and departure, and be issued with a visitor pass.",
        "The register may be kept on paper or electronically; it must be available to the"
        " Service on request.",
        maps={"10.2": "superset_of"},
    ),
    Req(
        "6.2.4",
        M,
        "Visitors shall be accompanied by a member of staff at all times in loading, "
        "storage and production areas.",
        maps={"10.2": "superset_of"},
    ),
    Req(
        "6.2.5",
        M,
        "Staff shall be instructed to stop and question unknown persons on the premises and "
        "to report them to the security contact person.",
        "Include this instruction in the induction of new staff.",
        maps={"10.10": "equal"},
    ),
    Req(
        "6.2.6",
        R,
        "Where guards are employed, their tasks should be laid down in written instructions "
        "and their performance checked by management.",
        maps={"10.8": "equal"},
    ),
    Req(
        "6.2.7",
        R,
        "Letters and parcels delivered to the premises should be checked before they are "
        "passed on to the addressee.",
        maps={"10.7": "equal"},
    ),
    # ---- 7 Cargo, means of transport, seals ----
    Req(
        "7.1.1",
        M,
        "Containers and other unit load devices shall be kept in a secure area where "
        "unauthorised persons cannot reach them or interfere with them.",
        maps={"5.1": "equal"},
    ),
    Req(
        "7.1.2",
        M,
        "Before loading, the inside of each container shall be examined: front wall, side "
        "walls, floor, roof and the inner face of the doors.",
        "The examination should reveal false walls, tampered floors and goods hidden in "
        "the structure. Unit load devices include containers, swap bodies and trailers.",
        maps={"5.3": "superset_of"},
    ),
    Req(
        "7.1.3",
        M,
        "Before loading, the outside of each container shall be examined, including the "
        "underside, the outer face of the doors, the hinges and the locking bars.",
        "Pay attention to replaced rivets or bolts on hinges, which may indicate that "
        "doors were removed without breaking the seal.",
        maps={"5.3": "superset_of"},
    ),
    Req(
        "7.1.4",
        M,
        "Road vehicles used for international transport shall be examined when they enter "
        "the premises and before departure, including the cab, fuel tanks, tyres, chassis "
        "and any place where goods could be hidden.",
        "The examination applies to tractor units and rigid vehicles, whoever owns them.",
        maps={"5.4": "intersects_with"},
    ),
    Req(
        "7.1.5",
        M,
        "Staff carrying out examinations shall look for signs that the structure has been "
        "altered, such as false panels, double floors, recent welding or fresh paint.",
        maps={"5.24": "equal"},
    ),
    Req(
        "7.1.6",
        R,
        "The results of each examination should be written on a checklist signed by the "
        "examiner and kept with the consignment records.",
        maps={"5.5": "equal"},
    ),
    Req(
        "7.1.7",
        R,
        "The position of means of transport carrying the operator's goods should be "
        "followed during the journey, and stops outside the planned route or timetable "
        "should be reported and explained.",
        "Satellite tracking with alerts is considered good practice for high-risk routes.",
        maps={
            "5.10": "intersects_with",
            "5.12": "intersects_with",
            "5.29": "intersects_with",
            "5.31": "intersects_with",
        },
    ),
    Req(
        "7.1.8",
        R,
        "Unit load devices should be examined in an area closed to the public, ideally "
        "within the field of view of the CCTV system.",
        maps={"5.6": "equal"},
    ),
    Req(
        "7.2.1",
        M,
        "Written instructions shall govern the whole life of a seal – procurement, "
        "safekeeping, issue, application and registration – and the steps to take when a "
        "seal is found broken or bearing a number other than the one recorded.",
        "Seals that are damaged, rejected or cancelled should be kept or destroyed under "
        "control and recorded.",
        maps={"6.1": "equal"},
    ),
    Req(
        "7.2.2",
        M,
        "Unit load devices leaving Meridia after loading shall be closed at once with a "
        "tamper-evident seal certified to ISO 17712 as high security.",
        "Ask the seal manufacturer for the certificate showing compliance with the standard.",
        maps={"6.2": "equal", "6.6": "intersects_with"},
    ),
    Req(
        "7.2.3",
        M,
        "Unused seals shall be locked away, handed out only by designated staff and "
        "recorded in a register; the stock shall be reconciled with the register from time "
        "to time.",
        maps={"6.3": "equal", "6.5": "intersects_with"},
    ),
    Req(
        "7.2.4",
        M,
        "On arrival and before unloading, the seal shall be inspected for damage, pulled and "
        "twisted to confirm it holds, and its number compared with the number in the "
        "transport documents.",
        "Where the seal is broken or the number differs, the unit is not opened and the "
        "Service is informed.",
        maps={"6.4": "intersects_with", "6.7": "intersects_with", "7.30": "intersects_with"},
    ),
    Req(
        "7.2.5",
        R,
        "Any replacement of a seal en route, including after an examination by another "
        "authority, should be documented with the identification mark of the new seal, "
        "the cause and the name of the person responsible.",
        maps={"6.8": "equal"},
    ),
    Req(
        "7.3.1",
        M,
        "On arrival, goods shall be reconciled with the purchase order and the transport "
        "documents as to quantity, gross mass and shipping marks, and the result "
        "recorded.",
        "Receipt checks should be carried out by staff other than those who placed the "
        "order, where the size of the operator allows.",
        maps={"7.4": "equal"},
    ),
    Req(
        "7.3.2",
        M,
        "Shortages, surpluses, damaged packages and broken seals found at receipt or "
        "dispatch shall be reported to a responsible manager and examined, and the goods "
        "held until a decision is taken.",
        maps={"7.13": "intersects_with", "7.30": "intersects_with"},
    ),
    Req(
        "7.3.3",
        M,
        "Goods in storage shall be kept in areas protected against unauthorised access, and "
        "these areas shall be checked regularly.",
        "Storage areas for goods under customs supervision should be marked and access "
        "limited to designated staff.",
        maps={"7.2": "intersects_with", "7.1": "intersects_with"},
    ),
    Req(
        "7.3.4",
        R,
        "Loading of outgoing goods should be supervised by a responsible person and, where "
        "possible, photographed.",
        maps={"7.27": "equal"},
    ),
    Req(
        "7.3.5",
        M,
        "Commercial and transport documents shall be complete, legible and correct, and "
        "protected against unauthorised alteration.",
        maps={"7.8": "equal"},
    ),
    Req(
        "7.3.6",
        M,
        "Pre-arrival and pre-departure data lodged with the Service shall be accurate, "
        "complete and lodged within the set time limits.",
        "Data must be lodged through the national single window within the time limits of"
        " the Customs Code of Meridia.",
        maps={"7.9": "equal"},
    ),
    Req(
        "7.3.7",
        M,
        "The particulars given to the carrier – nature of the goods, number of packages "
        "and mass – shall correspond to what is actually handed over.",
        maps={"7.10": "equal"},
    ),
    Req(
        "7.3.8",
        M,
        "Hauliers' drivers shall prove their identity, and the vehicle registration shall"
        " be compared with the carrier's advance notice, before any goods are loaded or "
        "unloaded.",
        maps={"7.7": "equal"},
    ),
    Req(
        "7.3.9",
        R,
        "Outgoing consignments should be weighed and any difference from the weight in the "
        "documents investigated before departure.",
        maps={"7.37": "equal"},
    ),
    Req(
        "7.4.1",
        M,
        "Pallets, crates and other wooden packaging shall meet the phytosanitary treatment "
        "and marking requirements of ISPM 15.",
        maps={"8.2": "equal"},
    ),
    Req(
        "7.4.2",
        M,
        "The economic operator shall have procedures to handle goods subject to "
        "non-fiscal rules, such as dual-use goods, weapons and cultural goods.",
    ),
    # ---- 8 Trading partners and external service providers ----
    Req(
        "8.1.1",
        M,
        "The economic operator shall identify its trading partners and check their identity "
        "and reliability before entering into a business relationship.",
        "Consider the partner's history, financial position and reputation.",
        maps={"3.1": "superset_of"},
    ),
    Req(
        "8.1.2",
        M,
        "Where a trading partner holds an AEO-S authorisation or a status recognised by "
        "Meridia under a mutual recognition arrangement, the operator shall keep evidence "
        "of that status.",
        maps={"3.3": "equal"},
    ),
    Req(
        "8.1.3",
        M,
        "Trading partners without such status shall give security declarations or agree to "
        "security clauses in their contracts.",
        "A model security declaration is available from the Service. Declarations should "
        "be renewed every three years.",
        maps={"3.4": "intersects_with", "3.6": "intersects_with"},
    ),
    Req(
        "8.1.4",
        R,
        "The security of trading partners should be reviewed periodically, and weaknesses "
        "found should be followed up until they are remedied.",
        "Give priority to partners in countries or routes assessed as high risk.",
        maps={"3.5": "intersects_with", "3.7": "intersects_with"},
    ),
    Req(
        "8.1.5",
        M,
        "Trading partners shall be screened against the Meridian and United Nations "
        "restrictive-measures lists before business starts, and again whenever the lists "
        "are amended.",
        maps={"3.10": "equal", "3.1": "intersects_with"},
    ),
    Req(
        "8.2.1",
        M,
        "External service providers, such as cleaning, guarding, maintenance and IT "
        "companies, shall be selected with their security in mind and bound by written "
        "security conditions.",
        "Contracts should oblige service providers to screen the staff they send to the premises.",
        maps={"3.1": "intersects_with", "3.6": "intersects_with"},
    ),
    Req(
        "8.2.2",
        M,
        "Carriers and forwarders shall not subcontract the transport of the operator's goods "
        "without its prior agreement.",
        maps={"3.9": "superset_of"},
    ),
    # ---- 9 Staff security ----
    Req(
        "9.1.1",
        M,
        "Before recruitment to a security-sensitive post, the candidate's identity, "
        "previous employment and references shall be verified.",
        "Security-sensitive posts include staff with access to goods, seals, customs data"
        " or security systems.",
        maps={"11.1": "superset_of"},
    ),
    Req(
        "9.1.2",
        M,
        "Within the limits of national law, an extract from the criminal record shall be "
        "requested for security-sensitive posts, and repeated at intervals.",
        "Where national law does not allow criminal record checks, a declaration by the "
        "candidate may be accepted.",
        maps={"11.2": "intersects_with", "11.3": "intersects_with"},
    ),
    Req(
        "9.1.3",
        M,
        "Agency workers and other non-permanent staff shall undergo the same vetting as "
        "employees holding comparable posts.",
        maps={"11.7": "equal"},
    ),
    Req(
        "9.1.4",
        M,
        "When employment ends, badges, keys and other access means shall be returned and "
        "computer accounts closed at once.",
        maps={"11.8": "equal", "4.7": "intersects_with"},
    ),
    Req(
        "9.1.5",
        R,
        "New staff should receive the company's security rules and confirm in writing that "
        "they have read them.",
        maps={"11.5": "intersects_with"},
    ),
    # ---- 10 Education and awareness ----
    Req(
        "10.1.1",
        M,
        "All staff shall be made aware of the security requirements of the programme and of "
        "the threats to the supply chain, on recruitment and at regular intervals.",
        "Awareness sessions may be given in person or online; new staff should receive "
        "them within their first month.",
        maps={"12.1": "equal"},
    ),
    Req(
        "10.1.2",
        M,
        "Staff who examine containers and means of transport or handle seals shall receive "
        "specific training in these tasks.",
        "Training should include practical exercises on an empty container and examples "
        "of concealment methods.",
        maps={"12.2": "intersects_with", "12.11": "intersects_with"},
    ),
    Req(
        "10.1.3",
        M,
        "Records shall be kept of the training given, stating the subjects, dates and "
        "participants.",
        maps={"12.3": "equal"},
    ),
    Req(
        "10.1.4",
        R,
        "The economic operator should check whether staff have understood the training, for "
        "example through tests or exercises.",
        maps={"12.9": "equal"},
    ),
    Req(
        "10.1.5",
        R,
        "Users of information systems should be made aware of risks such as fraudulent "
        "e-mails and the importance of strong passwords.",
        maps={"12.8": "superset_of"},
    ),
    # ---- 11 Information systems security ----
    Req(
        "11.1.1",
        M,
        "The economic operator shall have a documented information security policy that is "
        "reviewed at regular intervals.",
        "The policy should cover access management, protection against malware, backups, "
        "incident handling and the use of portable devices.",
        maps={"4.1": "equal", "4.6": "intersects_with"},
    ),
    Req(
        "11.1.2",
        M,
        "Computer systems shall be protected against malicious software and unauthorised "
        "intrusion by means of antivirus programs and firewalls kept up to date.",
        maps={"4.2": "equal"},
    ),
    Req(
        "11.1.3",
        M,
        "Each user shall have a personal account with a password, and access rights shall "
        "be granted according to the user's duties.",
        "Passwords should be changed when there is reason to think they are known to "
        "others; shared accounts should not be used.",
        maps={"4.8": "intersects_with", "4.7": "intersects_with"},
    ),
    Req(
        "11.1.4",
        M,
        "Data shall be backed up regularly and a plan shall exist to restore systems and "
        "data after a failure or attack; the plan shall be tested.",
        maps={"4.12": "intersects_with"},
    ),
    Req(
        "11.1.5",
        R,
        "Connections to the operator's network by teleworking staff or external parties "
        "should be encrypted end to end.",
        maps={"4.9": "equal"},
    ),
    Req(
        "11.1.6",
        R,
        "Access to systems should be logged and the logs examined for attempts at "
        "unauthorised access.",
        maps={"4.5": "superset_of"},
    ),
]
