"""Text of the fictional Valdoria OEA partner sample (Spanish) and its gold links to the CTPAT sample."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["CRITERIA", "HEADER", "Req"]

HEADER = ("Número", "Sección", "Requisito", "Notas explicativas")


@dataclass(frozen=True)
class Req:
    """One Valdoria requirement and the CTPAT refs it corresponds to (CTPAT ref -> relationship)."""

    ref: str
    section: str
    text: str
    notes: str = ""
    maps: dict[str, str] = field(default_factory=dict)


S1 = "1. Cumplimiento de la legislación aduanera"
S2 = "2. Registros contables y logísticos"
S3 = "3. Solvencia financiera"
S4 = "4. Gestión de la seguridad"
S5 = "5. Socios comerciales"
S6 = "6. Seguridad de las instalaciones"
S7 = "7. Control de acceso"
S8 = "8. Unidades de carga, medios de transporte y precintos"
S9 = "9. Procesos logísticos"
S10 = "10. Seguridad del personal"
S11 = "11. Capacitación y concienciación"
S12 = "12. Tecnologías de la información"

# Relationship reads "CTPAT criterion <relation> Valdoria requirement" (see meridia_data.py).
CRITERIA: list[Req] = [
    Req(
        "OEA-1.1",
        S1,
        "El solicitante no debe haber cometido infracciones graves o reiteradas de la "
        "normativa aduanera o fiscal en los tres años anteriores a la solicitud.",
        "¿Ha recibido la empresa sanciones de la Dirección General de Aduanas de Valdoria? "
        "Indique su número y motivo.",
    ),
    Req(
        "OEA-1.2",
        S1,
        "La empresa contará con procedimientos escritos para la clasificación arancelaria, "
        "la valoración y el origen de las mercancías.",
    ),
    Req(
        "OEA-1.3",
        S1,
        "El operador comunicará a la Aduana cualquier cambio en su razón social, domicilio o "
        "actividad principal en un plazo máximo de treinta días.",
    ),
    Req(
        "OEA-2.1",
        S2,
        "La contabilidad deberá permitir a la Aduana efectuar controles a posteriori y "
        "relacionar cada declaración con su factura y documento de transporte.",
    ),
    Req(
        "OEA-2.2",
        S2,
        "Los registros comerciales y aduaneros se conservarán durante al menos cinco años, "
        "en papel o en formato electrónico legible.",
    ),
    Req(
        "OEA-3.1",
        S3,
        "El solicitante demostrará su solvencia financiera mediante los estados contables de "
        "los tres últimos ejercicios y la ausencia de procedimientos concursales.",
    ),
    Req(
        "OEA-4.1",
        S4,
        "La dirección aprobará por escrito una política de seguridad de la cadena logística "
        "y la dará a conocer a todos los empleados.",
        "La política debe estar firmada por el representante legal y publicada en un lugar "
        "visible.",
        maps={"1.1": "equal"},
    ),
    Req(
        "OEA-4.2",
        S4,
        "Se designará un responsable de seguridad que sirva de enlace con la Aduana para "
        "todos los asuntos del programa OEA.",
        maps={"1.4": "equal"},
    ),
    Req(
        "OEA-4.3",
        S4,
        "El operador realizará, al menos una vez al año, una evaluación documentada de los "
        "riesgos de su cadena de suministro, desde el proveedor extranjero hasta la entrega "
        "final, y adoptará un plan de acción.",
        "La evaluación debe tener en cuenta el contrabando, el narcotráfico, el robo de "
        "carga y el terrorismo en cada ruta utilizada.",
        maps={"2.1": "intersects_with", "2.2": "intersects_with", "2.3": "intersects_with"},
    ),
    Req(
        "OEA-4.4",
        S4,
        "La empresa verificará periódicamente, mediante auditorías internas, que las medidas "
        "de seguridad declaradas se aplican en la práctica.",
        maps={"1.3": "equal"},
    ),
    Req(
        "OEA-4.5",
        S4,
        "Todo incidente de seguridad se comunicará sin demora a la Aduana y a las "
        "autoridades policiales, y se investigarán sus causas.",
        "Mantenga actualizada la lista de teléfonos de emergencia de la Aduana y de la policía.",
        maps={"7.23": "intersects_with", "7.24": "intersects_with"},
    ),
    Req(
        "OEA-5.1",
        S5,
        "Antes de contratar a un socio comercial, el operador comprobará su identidad, su "
        "reputación y su situación financiera.",
        "¿Qué fuentes consulta la empresa? Por ejemplo, registros mercantiles, informes "
        "comerciales o visitas a las instalaciones del socio.",
        maps={"3.1": "superset_of"},
    ),
    Req(
        "OEA-5.2",
        S5,
        "Si el socio comercial es OEA o está certificado en un programa reconocido "
        "mutuamente, se conservará la prueba de su certificación; si no lo es, se le exigirá "
        "una declaración de seguridad firmada.",
        maps={"3.3": "intersects_with", "3.4": "intersects_with"},
    ),
    Req(
        "OEA-5.3",
        S5,
        "Los contratos con transportistas prohibirán la subcontratación del transporte sin "
        "autorización previa del operador.",
        maps={"3.9": "superset_of", "3.6": "intersects_with"},
    ),
    Req(
        "OEA-6.1",
        S6,
        "El perímetro de las instalaciones estará protegido por un cerramiento (valla o "
        "muro) en buen estado, que se revisará con regularidad.",
        "Indique el tipo de cerramiento, su altura y la frecuencia de las rondas de inspección.",
        maps={"9.2": "equal", "9.1": "intersects_with"},
    ),
    Req(
        "OEA-6.2",
        S6,
        "Las puertas, ventanas y accesos exteriores e interiores contarán con cerraduras, y "
        "la entrega de llaves quedará registrada.",
        maps={"9.7": "equal", "10.4": "intersects_with"},
    ),
    Req(
        "OEA-6.3",
        S6,
        "Las zonas de carga, los accesos y el perímetro dispondrán de iluminación suficiente "
        "durante la noche.",
        maps={"9.6": "equal"},
    ),
    Req(
        "OEA-6.4",
        S6,
        "Se instalarán cámaras de videovigilancia en accesos y muelles de carga; las "
        "grabaciones se conservarán al menos treinta días.",
        "¿Quién revisa las grabaciones y con qué frecuencia?",
        maps={"9.8": "intersects_with", "9.9": "intersects_with"},
    ),
    Req(
        "OEA-6.5",
        S6,
        "Los vehículos particulares del personal y de los visitantes estacionarán fuera de la "
        "«zona restringida».",
        maps={"9.5": "equal"},
    ),
    Req(
        "OEA-7.1",
        S7,
        "Sólo las personas y los vehículos autorizados podrán acceder a las instalaciones y "
        "a las zonas donde se manipula la carga.",
        "Describa el sistema de control de acceso de cada entrada: vigilante, tarjeta o "
        "lector biométrico.",
        maps={"10.1": "equal"},
    ),
    Req(
        "OEA-7.2",
        S7,
        "Los empleados portarán una tarjeta de identificación con fotografía, que devolverán "
        "al término de la relación laboral.",
        maps={"10.3": "superset_of", "11.8": "superset_of"},
    ),
    Req(
        "OEA-7.3",
        S7,
        "Los visitantes se identificarán con un documento oficial, se inscribirán en un "
        "registro de entradas y salidas y estarán acompañados durante toda la visita.",
        maps={"10.2": "superset_of"},
    ),
    Req(
        "OEA-7.4",
        S7,
        "Los conductores que entreguen o retiren mercancías serán identificados antes de "
        "autorizar la carga o la descarga.",
        maps={"7.7": "equal"},
    ),
    Req(
        "OEA-8.1",
        S8,
        "Antes de cargarlo, cada contenedor se inspeccionará en siete puntos: pared frontal, "
        "laterales izquierdo y derecho, piso, techo, puertas y estructura exterior.",
        "Registre la inspección en una lista de verificación firmada por el inspector.",
        maps={"5.3": "equal", "5.5": "intersects_with"},
    ),
    Req(
        "OEA-8.2",
        S8,
        "Los camiones que crucen la frontera terrestre se revisarán en los diecisiete puntos "
        "del tractocamión y del remolque.",
        maps={"5.4": "equal"},
    ),
    Req(
        "OEA-8.3",
        S8,
        "Los contenedores vacíos y cargados se guardarán en un área segura para evitar "
        "manipulaciones o el acceso de personas no autorizadas.",
        maps={"5.1": "equal"},
    ),
    Req(
        "OEA-8.4",
        S8,
        "Los contenedores cargados con destino al extranjero se cerrarán con un precinto de "
        "alta seguridad conforme a la norma ISO 17712.",
        maps={"6.2": "equal", "6.6": "intersects_with"},
    ),
    Req(
        "OEA-8.5",
        S8,
        "Los precintos se guardarán bajo llave y sólo el personal designado podrá "
        "entregarlos; se llevará un registro de los números de precinto utilizados.",
        "Los precintos inutilizados se destruirán y su número se anotará en el registro.",
        maps={"6.3": "equal"},
    ),
    Req(
        "OEA-8.6",
        S8,
        "Al recibir un contenedor se comprobará el precinto: observarlo, verificar su número "
        "con los documentos, tirar de él y girarlo.",
        "Es el método conocido en inglés como «VVTT».",
        maps={"6.4": "equal", "6.7": "intersects_with"},
    ),
    Req(
        "OEA-8.7",
        S8,
        "Se vigilará el trayecto de los medios de transporte y se informará de toda parada "
        "no prevista o desviación de la ruta.",
        maps={"5.10": "intersects_with", "5.31": "intersects_with"},
    ),
    Req(
        "OEA-9.1",
        S9,
        "La mercancía recibida se cotejará con los documentos en cuanto a número de bultos, "
        "peso y marcas; las diferencias se investigarán y se informará de ellas.",
        "Las diferencias significativas se comunicarán también a la Aduana.",
        maps={"7.4": "intersects_with", "7.13": "intersects_with"},
    ),
    Req(
        "OEA-9.2",
        S9,
        "Los documentos comerciales y de transporte serán legibles, completos y exactos, y "
        "estarán protegidos contra su alteración.",
        maps={"7.8": "equal"},
    ),
    Req(
        "OEA-9.3",
        S9,
        "Los embalajes y palés de madera cumplirán la norma NIMF 15 sobre tratamiento y marcado.",
        maps={"8.2": "equal"},
    ),
    Req(
        "OEA-10.1",
        S10,
        "Antes de la contratación se verificarán los datos del candidato, su experiencia "
        "laboral y sus referencias y, cuando la ley lo permita, sus antecedentes penales.",
        "Se consideran puestos sensibles los del personal con acceso a la carga, a los "
        "precintos o a los sistemas de información.",
        maps={"11.1": "equal", "11.2": "intersects_with"},
    ),
    Req(
        "OEA-10.2",
        S10,
        "El personal temporal o subcontratado se someterá a los mismos controles que el "
        "personal de plantilla.",
        maps={"11.7": "equal"},
    ),
    Req(
        "OEA-10.3",
        S10,
        "Al finalizar la relación laboral se retirarán de inmediato las tarjetas, las llaves "
        "y los accesos informáticos del empleado.",
        maps={"11.8": "equal", "4.7": "intersects_with"},
    ),
    Req(
        "OEA-11.1",
        S11,
        "Todo el personal recibirá formación sobre las amenazas a la cadena logística y "
        "sobre cómo reconocer y comunicar situaciones sospechosas, al ingresar y después "
        "cada año.",
        maps={"12.1": "equal"},
    ),
    Req(
        "OEA-11.2",
        S11,
        "Se conservará constancia de las capacitaciones: fecha, contenido y asistentes.",
        maps={"12.3": "equal"},
    ),
    Req(
        "OEA-12.1",
        S12,
        "La empresa dispondrá de una política escrita de seguridad informática, revisada "
        "anualmente.",
        maps={"4.1": "intersects_with", "4.6": "intersects_with"},
    ),
    Req(
        "OEA-12.2",
        S12,
        "Los equipos contarán con antivirus y cortafuegos actualizados, y cada usuario "
        "tendrá una cuenta individual con contraseña segura.",
        "Las contraseñas se cambiarán cuando exista sospecha de que terceros las conocen.",
        maps={"4.2": "intersects_with", "4.8": "intersects_with"},
    ),
    Req(
        "OEA-12.3",
        S12,
        "Se realizarán copias de seguridad de la información al menos una vez por semana y "
        "se guardarán fuera de las instalaciones.",
        maps={"4.12": "intersects_with"},
    ),
]
