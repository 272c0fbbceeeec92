"""The entity catalogue: every entity phimin can report, its category and its label.

Identifiers are HIPAA Safe Harbor identifiers that name or number a person; quasi-
identifiers are the Safe Harbor elements that can be generalized (dates, ages of 90
and over, places below state level); sensitive entities come from the rule packs.

A sensitive entity carries, where HL7 has one, its v3 ActCode information-sensitivity
code (http://terminology.hl7.org/CodeSystem/v3-ActCode), so a FHIR pipeline can label
what it sends (`meta.security`): ETH substance abuse, HIV, STD sexually transmitted
disease, SEX sexuality and reproductive health, GENDER gender and sexual orientation,
SDV sexual assault, abuse or domestic violence, GDIS genetic disease. Immigration
status and criminal-legal involvement have no such code.
"""

from __future__ import annotations

from dataclasses import dataclass

from phimin._findings import Category

__all__ = [
    "ENTITIES",
    "SENSITIVE_ENTITIES",
    "SENSITIVITY_SYSTEM",
    "EntityInfo",
    "entity_info",
    "placeholder_label",
]

SENSITIVITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode"


@dataclass(frozen=True, slots=True)
class EntityInfo:
    name: str
    category: Category
    label: str  # used in placeholders: [LABEL_1]
    description: str
    sensitivity: tuple[str, ...] = ()  # HL7 v3 ActCode information-sensitivity codes


_I = Category.IDENTIFIER
_Q = Category.QUASI_IDENTIFIER
_S = Category.SENSITIVE

ENTITIES: dict[str, EntityInfo] = {
    e.name: e
    for e in (
        EntityInfo("PERSON", _I, "PERSON", "names of clients, relatives, clinicians, others"),
        EntityInfo("ORGANIZATION", _I, "ORG", "employers, schools and other named organizations"),
        EntityInfo("STREET_ADDRESS", _I, "ADDRESS", "street addresses"),
        EntityInfo("PHONE_NUMBER", _I, "PHONE", "telephone numbers"),
        EntityInfo("FAX_NUMBER", _I, "FAX", "fax numbers"),
        EntityInfo("EMAIL_ADDRESS", _I, "EMAIL", "email addresses"),
        EntityInfo("US_SSN", _I, "SSN", "social security numbers"),
        EntityInfo("MRN", _I, "MRN", "medical record numbers"),
        EntityInfo("HEALTH_PLAN_ID", _I, "HEALTH_PLAN_ID", "health plan, Medicaid, Medicare ids"),
        EntityInfo("ACCOUNT_NUMBER", _I, "ACCOUNT", "account and bank numbers"),
        EntityInfo("CREDIT_CARD", _I, "CARD", "payment card numbers"),
        EntityInfo("IBAN_CODE", _I, "IBAN", "international bank account numbers"),
        EntityInfo("LICENSE_NUMBER", _I, "LICENSE", "certificate and licence numbers"),
        EntityInfo("VEHICLE_ID", _I, "VEHICLE_ID", "licence plates and VINs"),
        EntityInfo("DEVICE_ID", _I, "DEVICE_ID", "device serial numbers, IMEI"),
        EntityInfo("URL", _I, "URL", "web addresses"),
        EntityInfo("IP_ADDRESS", _I, "IP", "IP addresses"),
        EntityInfo("A_NUMBER", _I, "A_NUMBER", "alien registration numbers"),
        EntityInfo("CASE_NUMBER", _I, "CASE_NUMBER", "court and docket numbers"),
        EntityInfo("OTHER_ID", _I, "ID", "any other unique identifying number"),
        EntityInfo("DATE", _Q, "DATE", "date elements other than the year"),
        EntityInfo("AGE", _Q, "AGE", "ages of 90 and over"),
        EntityInfo("LOCATION", _Q, "LOCATION", "cities, counties, facilities"),
        EntityInfo("ZIP_CODE", _Q, "ZIP", "ZIP codes"),
        EntityInfo("IMMIGRATION_STATUS", _S, "IMMIGRATION", "immigration status"),
        EntityInfo("REPRODUCTIVE_HEALTH", _S, "REPRODUCTIVE", "reproductive care", ("SEX",)),
        EntityInfo("SUBSTANCE_USE", _S, "SUBSTANCE_USE", "substance use", ("ETH",)),
        EntityInfo("HIV_STI", _S, "HIV_STI", "HIV and STI status", ("HIV", "STD")),
        EntityInfo(
            "SEXUAL_ORIENTATION_GENDER_IDENTITY",
            _S,
            "SOGI",
            "orientation, gender identity",
            ("GENDER",),
        ),
        EntityInfo("INTIMATE_PARTNER_VIOLENCE", _S, "IPV", "intimate partner violence", ("SDV",)),
        EntityInfo("CRIMINAL_LEGAL", _S, "CRIMINAL_LEGAL", "criminal-legal involvement"),
        EntityInfo("GENETIC_INFORMATION", _S, "GENETIC", "genetic test results", ("GDIS",)),
    )
}

SENSITIVE_ENTITIES: frozenset[str] = frozenset(
    name for name, info in ENTITIES.items() if info.category is _S
)


def entity_info(entity: str) -> EntityInfo:
    info = ENTITIES.get(entity)
    if info is None:
        # An unknown entity is treated as an identifier: the strictest reading.
        return EntityInfo(entity, _I, entity, "unknown entity")
    return info


def placeholder_label(entity: str) -> str:
    return entity_info(entity).label
