"""The sample quarter in Spanish: the same quarter told by a Mexican sales and marketing team.

store/demo.py holds the quarter's structure once (dates, links, statuses, figures); this is
its words in Spanish, keyed by the English text they replace. They are the team's data,
written to the file, not the app's messages: they are not in the gettext catalog.
Money is in US dollars ("USD" after the figure), as many Mexican B2B teams quote it, so the
figures, and with them every trend and status, stay the English demo's.
"""

from __future__ import annotations

SERIES = "Reunión Ventas × Marketing"
LOCATION = "Sala Reforma (Ciudad de México) + videollamada"
#: month abbreviations for the meetings' titles ("Reunión Ventas × Marketing 18 nov"):
#: fixed here rather than the process's locale, so a build is the same on every machine
MONTHS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
#: member key -> (name, email, role); Ana keeps her name (and so her git identity)
CAST = {
    "ana": ("Ana Ruiz", "ana.ruiz@example.com", "Directora de Ventas"),
    "malik": ("Carlos Mendoza", "carlos.mendoza@example.com", "Director de Marketing"),
    "sofia": ("Sofía Hernández", "sofia.hernandez@example.com", "Líder de SDR"),
    "tomas": ("Javier Gutiérrez", "javier.gutierrez@example.com", "Gerente de Generación de Demanda"),
    "priya": ("Valeria Castillo", "valeria.castillo@example.com", "Líder de Contenido"),
    "jonas": ("Diego Ramírez", "diego.ramirez@example.com", "Ejecutivo de Cuenta"),
}
#: metric units that are words or currencies; "%" and no unit stay as they are
UNITS = {"€": "USD"}

WORDS: dict[str, str] = {
    # departments
    "Sales": "Ventas",
    "Marketing": "Marketing",
    "baseline week": "semana base",
    # objectives, their descriptions and metrics
    "Q{quarter} pipeline target €2.4M": "Meta de pipeline T{quarter}: 2.4 M USD",
    "Build **€2.4M** of qualified pipeline this quarter.\n\n"
    "- Marketing sources 55%, outbound SDR 30%, partners 15%\n"
    "- Only stage-2 opportunities with a confirmed budget count":
        "Generar **2.4 M USD** de pipeline calificado este trimestre.\n\n"
        "- Marketing aporta 55%, SDR outbound 30%, socios 15%\n"
        "- Solo cuentan oportunidades en etapa 2 con presupuesto confirmado",
    "Pipeline value": "Valor del pipeline",
    "Qualified opportunities": "Oportunidades calificadas",
    "Lift MQL→SQL conversion to 28%": "Subir la conversión MQL→SQL a 28%",
    "Marketing-qualified leads convert at 19% today. A shared lead score, a 24-hour SDR "
    "follow-up SLA and a tighter ICP filter should lift it to **28%**.":
        "Los leads calificados por marketing (MQL) convierten hoy al 19%. Un lead scoring compartido, "
        "un SLA de seguimiento SDR de 24 horas y un filtro de ICP más estricto deberían subirla a **28%**.",
    "MQL→SQL rate": "Tasa MQL→SQL",
    "Lead conversion (visitor→lead)": "Conversión a lead (visitante→lead)",
    "Webinar series: Data-driven retail": "Serie de webinars: retail con datos rumbo al Buen Fin",
    "Three webinars with retail analytics customers as guest speakers.\n\n"
    "1. Forecasting demand with POS data\n2. Pricing experiments that paid off\n"
    "3. From dashboards to decisions":
        "Tres webinars con clientes de analítica retail como ponentes invitados.\n\n"
        "1. Pronosticar la demanda con datos del punto de venta\n2. Experimentos de precios que sí funcionaron\n"
        "3. De los dashboards a las decisiones",
    "Registrations": "Registros",
    "Attendance rate": "Tasa de asistencia",
    "Invitation email CTR": "CTR del correo de invitación",
    "Reduce CAC below €420": "Bajar el CAC a menos de 420 USD",
    "Blended customer acquisition cost is €510. Paid search CPCs rose 18% since last "
    "quarter, so the plan shifts budget to ABM and webinars. **At risk**: CAC is going down, "
    "but at half the pace the target needs.":
        "El costo de adquisición de clientes combinado es de 510 USD. El CPC de búsqueda pagada subió 18% "
        "desde el trimestre pasado, así que el plan mueve presupuesto a ABM y webinars. **En riesgo**: "
        "el CAC baja, pero a la mitad del ritmo que pide la meta.",
    "Blended CAC": "CAC combinado",
    "Cost per MQL": "Costo por MQL",
    "LinkedIn ABM campaign for top-50 accounts": "Campaña ABM en LinkedIn para las 50 cuentas clave",
    "Account-based campaign on LinkedIn for the 50 target accounts the sales team picked. "
    "Sponsored content plus SDR follow-up within two days of an engagement.":
        "Campaña basada en cuentas en LinkedIn para las 50 cuentas clave que eligió el equipo de ventas. "
        "Contenido patrocinado y seguimiento SDR en menos de dos días tras cada interacción.",
    "Engaged target accounts": "Cuentas clave con interacción",
    "Campaign CTR": "CTR de la campaña",
    "Meetings booked": "Reuniones agendadas",
    # agenda items: titles, notes and outcomes
    "Series kickoff: one sync for both teams": "Arranque de la serie: una sola reunión para los dos equipos",
    "Replaces the separate sales and marketing weeklies.":
        "Sustituye las reuniones semanales separadas de ventas y de marketing.",
    "Owners confirmed for all five objectives.": "Responsables confirmados para los cinco objetivos.",
    "Shared lead score definition": "Definición del lead scoring compartido",
    "Proposal: firmographic fit 60%, engagement 40%.": "Propuesta: perfil firmográfico 60%, interacción 40%.",
    "Adopted; review after four weeks.": "Aprobado; se revisa en cuatro semanas.",
    "Webinar topics": "Temas de los webinars",
    "Shortlist of five topics from customer interviews.":
        "Lista corta de cinco temas salidos de entrevistas con clientes.",
    "Three topics picked.": "Se eligieron tres temas.",
    "Pipeline numbers": "Números del pipeline",
    "€310k created, 9 qualified opportunities.": "310 mil USD generados, 9 oportunidades calificadas.",
    "On plan.": "Según el plan.",
    "SDR follow-up SLA": "SLA de seguimiento SDR",
    "MQLs wait 41 hours on average before a first touch.":
        "Los MQL esperan 41 horas en promedio antes del primer contacto.",
    "24-hour SLA from Monday.": "SLA de 24 horas a partir del lunes.",
    "Top-50 account list": "Lista de las 50 cuentas clave",
    "Sales picked 62 accounts; cut to 50.": "Ventas eligió 62 cuentas; se recortó a 50.",
    "List frozen; ABM launch next week.": "Lista cerrada; la campaña ABM arranca la próxima semana.",
    "€690k created.": "690 mil USD generados.",
    "Slightly ahead of plan.": "Un poco adelante del plan.",
    "CAC trend": "Tendencia del CAC",
    "Paid search CPC up again.": "El CPC de búsqueda pagada volvió a subir.",
    "Shift 15% of search budget to ABM.": "Mover 15% del presupuesto de búsqueda a ABM.",
    "Webinar 1 speaker": "Ponente del webinar 1",
    "Speaker confirmed from a grocery chain.": "Ponente confirmado de una cadena de supermercados.",
    "Noted.": "Enterados.",
    "Lead routing bug": "Error en la asignación de leads",
    "Leads from the pricing page skipped the SDR queue.":
        "Los leads de la página de precios se saltaban la cola de SDR.",
    "Carried: needs CRM admin.": "Pasa a la próxima reunión: falta el admin del CRM.",
    "€1.05M created, 24 qualified opportunities.": "1.05 M USD generados, 24 oportunidades calificadas.",
    "CRM admin found the workflow rule.": "El admin del CRM encontró la regla del flujo.",
    "Fixed; 37 leads re-routed.": "Corregido; 37 leads reasignados.",
    "ABM first results": "Primeros resultados de ABM",
    "CTR 0.6% after two weeks; 9 accounts engaged.": "CTR de 0.6% tras dos semanas; 9 cuentas con interacción.",
    "Keep creative; add retargeting.": "Se queda el creativo; sumar retargeting.",
    "€1.38M created.": "1.38 M USD generados.",
    "CAC still above plan": "El CAC sigue arriba del plan",
    "CAC €498 against a €420 target; budget shift not visible yet.":
        "CAC de 498 USD contra una meta de 420 USD; el cambio de presupuesto aún no se nota.",
    "Marked at risk; pause two campaigns.": "Marcado en riesgo; se pausan dos campañas.",
    "Webinar 1 debrief": "Balance del webinar 1",
    "312 registrations, 41% attendance.": "312 registros, 41% de asistencia.",
    "Reuse the format for webinar 2.": "Repetir el formato en el webinar 2.",
    "Numbers from the CRM dashboard, as of Monday.": "Números del dashboard del CRM, al cierre del lunes.",
    "CAC recovery plan": "Plan de recuperación del CAC",
    "Options: cut paid search further, raise ABM budget, or move the target to next quarter.":
        "Opciones: recortar más la búsqueda pagada, subir el presupuesto de ABM o mover la meta al próximo trimestre.",
    "MQL→SQL after the SLA": "MQL→SQL después del SLA",
    "Conversion by lead source since the 24-hour SLA started.":
        "Conversión por fuente de leads desde que arrancó el SLA de 24 horas.",
    "Webinar 2 promotion": "Promoción del webinar 2",
    "Email, LinkedIn and partner newsletter dates.": "Fechas del correo, de LinkedIn y del boletín para socios.",
    "Open feedback": "Comentarios abiertos",
    "Go through open feedback entries.": "Revisar los comentarios abiertos.",
    # meetings' notes
    "Kickoff of the quarter. Everyone agreed to report metrics every Monday.":
        "Arranque del trimestre. Todos acordamos reportar las métricas cada lunes.",
    "Good energy. The SLA starts Monday; Sofia shares a daily queue report.":
        "Buena energía. El SLA arranca el lunes; Sofía comparte un reporte diario de la cola.",
    "CAC is the worry. Budget shift approved.": "El CAC es lo que preocupa. Se aprobó el cambio de presupuesto.",
    "Routing fix landed. ABM looks promising.": "Ya quedó la corrección de la asignación. ABM pinta bien.",
    "CAC at risk. Two paid campaigns paused; recovery plan next week.":
        "CAC en riesgo. Dos campañas pagadas en pausa; plan de recuperación la próxima semana.",
    # tasks and their descriptions
    "Draft webinar 2 landing page": "Redactar la landing del webinar 2",
    "Book guest speaker for webinar 3": "Conseguir ponente invitado para el webinar 3",
    "Build ABM retargeting audience": "Armar la audiencia de retargeting de ABM",
    "Write CAC recovery options memo": "Escribir el memo con opciones para recuperar el CAC",
    "Refresh ICP filter in lead scoring": "Actualizar el filtro de ICP en el lead scoring",
    "Prepare Q-end forecast for the board": "Preparar el pronóstico de cierre de trimestre para el consejo",
    "Send partner newsletter copy": "Enviar los textos del boletín para socios",
    "Update battlecard for retail vertical": "Actualizar la battlecard de retail para el Buen Fin",
    "Interview two churned customers": "Entrevistar a dos clientes que se dieron de baja",
    "Follow up engaged ABM accounts": "Dar seguimiento a las cuentas ABM con interacción",
    "Daily SDR queue report": "Reporte diario de la cola de SDR",
    "A/B test webinar invitation subject lines": "Prueba A/B de asuntos de la invitación al webinar",
    "Pipeline hygiene: close stale opportunities": "Limpieza del pipeline: cerrar oportunidades estancadas",
    "Case study with grocery chain": "Caso de éxito con la cadena de supermercados",
    "Negotiate LinkedIn media rate": "Negociar la tarifa de medios en LinkedIn",
    "Qualify inbound demo requests": "Calificar las solicitudes de demo entrantes",
    "Proposal for Northwind Retail": "Propuesta para Tiendas del Norte",
    "CRM field for lead source of truth": "Campo del CRM para la fuente oficial de cada lead",
    "Attribution report across channels": "Reporte de atribución entre canales",
    "Legal review of webinar recording consent": "Revisión legal del consentimiento para grabar el webinar",
    "Data enrichment vendor contract": "Contrato con el proveedor de enriquecimiento de datos",
    "Define shared lead score": "Definir el lead scoring compartido",
    "Pick webinar topics": "Elegir los temas de los webinars",
    "Freeze top-50 account list": "Cerrar la lista de las 50 cuentas clave",
    "Fix pricing-page lead routing": "Corregir la asignación de leads de la página de precios",
    "Launch ABM campaign": "Lanzar la campaña ABM",
    "Webinar 1 run of show": "Escaleta del webinar 1",
    "Pause two paid search campaigns": "Pausar dos campañas de búsqueda pagada",
    "Quarter kickoff deck": "Presentación de arranque del trimestre",
    "Set up 24-hour SLA alert": "Configurar la alerta del SLA de 24 horas",
    "Three options with cost and expected CAC impact, for the next sync.":
        "Tres opciones con su costo y el impacto esperado en el CAC, para la próxima reunión.",
    "Anything without activity for 45 days: close or re-qualify.":
        "Todo lo que lleve 45 días sin actividad: cerrar o volver a calificar.",
    "Waiting for the CRM admin to add the field; blocked since the routing fix.":
        "Esperando a que el admin del CRM agregue el campo; bloqueada desde la corrección de la asignación.",
    "Legal asked for the speaker release form first.": "Legal pidió primero el formato de autorización del ponente.",
    # feedback: bodies and responses
    "Webinar 1 leads were the best-qualified we had this quarter.":
        "Los leads del webinar 1 fueron los mejor calificados del trimestre.",
    "Thanks! We'll keep the same targeting for webinar 2.":
        "¡Gracias! Mantenemos la misma segmentación para el webinar 2.",
    "MQLs from content downloads rarely convert. Can we stop scoring them as MQLs?":
        "Los MQL que vienen de descargas de contenido casi no convierten. ¿Podemos dejar de contarlos como MQL?",
    "Good catch: turned into a task to refresh the ICP filter in lead scoring.":
        "Buena observación: ya es una tarea actualizar el filtro de ICP en el lead scoring.",
    "Try a referral offer for existing customers; it costs less than paid search.":
        "Probemos una oferta de referidos para clientes actuales; cuesta menos que la búsqueda pagada.",
    "The sync ran 15 minutes over. Let's keep to the time boxes.":
        "La reunión se pasó 15 minutos. Respetemos el tiempo de cada punto.",
    "Agreed, I'll keep time next week.": "De acuerdo, yo llevo el tiempo la próxima semana.",
    "Does legal need the release before or after the recording?":
        "¿Legal necesita la autorización antes o después de grabar?",
    "Before: the form is in the shared drive now.": "Antes: el formato ya está en la carpeta compartida.",
    "Sales follow-up on engaged ABM accounts is fast. Keep it up!":
        "Ventas da seguimiento muy rápido a las cuentas ABM con interacción. ¡Sigan así!",
    "Thanks, it helps that the alerts go straight to Slack.": "Gracias, ayuda que las alertas lleguen directo a Slack.",
    "Which accounts count as engaged: two clicks, or a visit to the pricing page?":
        "¿Cuándo tiene interacción una cuenta: con dos clics o con una visita a la página de precios?",
    "Two or more clicks in 14 days, or any pricing page visit.":
        "Dos o más clics en 14 días, o cualquier visita a la página de precios.",
    "Start each sync with the pipeline numbers so we all look at the same data.":
        "Empecemos cada reunión con los números del pipeline para que todos veamos los mismos datos.",
    "Done: pipeline review is the first item now.": "Listo: la revisión del pipeline ya es el primer punto.",
    "Do partner-sourced deals count toward the €2.4M?":
        "¿Los negocios que traen los socios cuentan para los 2.4 M USD?",
    "Yes, stage 2 and later with a confirmed budget.": "Sí, de la etapa 2 en adelante y con presupuesto confirmado.",
    "Cut the webinar recordings into 3-minute clips for LinkedIn.":
        "Cortar las grabaciones de los webinars en clips de 3 minutos para LinkedIn.",
    "Stale opportunities inflate the pipeline figure by about 10%.":
        "Las oportunidades estancadas inflan la cifra del pipeline alrededor de un 10%.",
    "Blocked on data access for two weeks; the CAC analysis depends on it.":
        "Lleva dos semanas bloqueada por falta de acceso a los datos; el análisis del CAC depende de esto.",
    "A shared Slack channel for hot accounts would save us a lot of emails.":
        "Un canal de Slack compartido para las cuentas calientes nos ahorraría muchos correos.",
    "Set up #hot-accounts; let's try it for a month.": "Ya está #cuentas-calientes; probémoslo un mes.",
    "Can we review the lead score weights at the next sync?":
        "¿Podemos revisar los pesos del lead scoring en la próxima reunión?",
    "The 24-hour SLA clearly works: conversion is up 5 points.":
        "El SLA de 24 horas sí funciona: la conversión subió 5 puntos.",
}
