import { defineMessages } from '../define-messages.js';

/** Messages of the report charts (weekly and monthly reports, `samaops report --chart`). */
export const chartMessages = defineMessages({
  fr: {
    'chart.title.weekly': '{platform} — Graphiques de la semaine',
    'chart.title.monthly': '{platform} — Graphiques du mois',
    'chart.subtitle': 'Du {from} au {to} ({timezone}) · MTTA/MTTR sur {months} mois',
    'chart.panel.disk': 'Espace disque utilisé par serveur',
    'chart.panel.rabbitmq': 'Messages en attente par file RabbitMQ',
    'chart.panel.availability': 'Disponibilité par service',
    'chart.panel.latency': 'Latence p95 par service',
    'chart.panel.mtta': 'MTTA par niveau et par mois (pointillés : délai)',
    'chart.panel.mttr': 'MTTR par niveau et par mois (pointillés : délai)',
    'chart.notAvailable': 'non disponible',
    'chart.noData': 'aucune mesure sur la période',
    'chart.target.warn': 'alerte {value}',
    'chart.target.fail': 'critique {value}',
    'chart.target.slo': 'objectif {value}',
    'chart.target.deadline': '{level} : {minutes} min',
    'chart.unit.messages': 'msg',
    'chart.unit.minutes': 'min',
    'chart.file.title': 'Graphiques — {title}',
    'chart.file.alt':
      'Graphiques du rapport : disque par serveur, files RabbitMQ, disponibilité et latence, MTTA et MTTR par niveau.',
    'cli.option.chart':
      'écrit aussi les graphiques du rapport dans FICHIER (PNG ; weekly et monthly, DATABASE_URL)',
    'cli.error.chartKind': '--chart va avec weekly ou monthly : le rapport quotidien n’a pas de graphiques',
    'cli.chart.noDatabase':
      'samaops : --chart demande DATABASE_URL : les graphiques se tracent à partir des rapports et incidents stockés',
    'cli.chart.written': 'graphiques écrits dans {file} ({size})',
  },
  en: {
    'chart.title.weekly': '{platform} — Charts of the week',
    'chart.title.monthly': '{platform} — Charts of the month',
    'chart.subtitle': 'From {from} to {to} ({timezone}) · MTTA/MTTR over {months} months',
    'chart.panel.disk': 'Disk used per server',
    'chart.panel.rabbitmq': 'Messages waiting per RabbitMQ queue',
    'chart.panel.availability': 'Availability per service',
    'chart.panel.latency': 'p95 latency per service',
    'chart.panel.mtta': 'MTTA per level and month (dashed: deadline)',
    'chart.panel.mttr': 'MTTR per level and month (dashed: deadline)',
    'chart.notAvailable': 'not available',
    'chart.noData': 'nothing measured over the period',
    'chart.target.warn': 'warning {value}',
    'chart.target.fail': 'critical {value}',
    'chart.target.slo': 'target {value}',
    'chart.target.deadline': '{level}: {minutes} min',
    'chart.unit.messages': 'msg',
    'chart.unit.minutes': 'min',
    'chart.file.title': 'Charts — {title}',
    'chart.file.alt':
      'Report charts: disk per server, RabbitMQ queues, availability and latency, MTTA and MTTR per level.',
    'cli.option.chart': 'also write the report’s charts to FILE (PNG; weekly and monthly, DATABASE_URL)',
    'cli.error.chartKind': '--chart goes with weekly or monthly: the daily report has no charts',
    'cli.chart.noDatabase':
      'samaops: --chart needs DATABASE_URL: the charts are drawn from the stored reports and incidents',
    'cli.chart.written': 'charts written to {file} ({size})',
  },
});
