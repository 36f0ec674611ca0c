import type { Catalogs } from '.';

/** Each KPI's title (by its registry entry's titleKey) and formula (titleKey + "Formula"), shown wherever a KPI is. */
const en = {
  kpiSerpPositivity: 'SERP positivity',
  kpiSerpPositivityFormula:
    'positive / (positive + neutral + negative) among the top-20 organic results of the key queries (latest per rank this month; irrelevant excluded)',
  kpiThirdPartyRecommend: 'Third-party recommendations',
  kpiThirdPartyRecommendFormula: 'top-20 results off the client domains marked "recommends" / all top-20 results observed',
  kpiPortalCoverage: 'Portals linking to the client',
  kpiPortalCoverageFormula:
    'portal domains (not search engines, not client domains) with a mention seen in the last 30 days of the month and a link to a client domain seen by its end',
  kpiForumPositive: 'Forum tone: positive',
  kpiForumPositiveFormula: 'positive / all forum posts and marked pages seen this month',
  kpiForumNegative: 'Forum tone: negative',
  kpiForumNegativeFormula: 'negative / all forum posts and marked pages seen this month',
  kpiNegativeTop10: 'Negative results in the top-10',
  kpiNegativeTop10Formula: 'negative results among the top-10 organic results of the key queries',
  kpiSerpPositivityExplained: 'How much of what people find first about the client is good: the share of positive results among the top-20 of the key queries.',
  kpiThirdPartyRecommendExplained: 'How often other sites, not the client’s own, recommend the client in the top-20.',
  kpiPortalCoverageExplained: 'How many forums and review sites that talk about the client also link to the client.',
  kpiForumPositiveExplained: 'The share of forum posts and marked pages about the client this month that are positive.',
  kpiForumNegativeExplained: 'The share of forum posts and marked pages about the client this month that are negative.',
  kpiNegativeTop10Explained: 'How many negative results sit on the first page of the key queries, where nearly everyone looks.',
};

export type KpiMessageKey = keyof typeof en;

export const KPI_MESSAGES: Catalogs<KpiMessageKey> = {
  en,
  ru: {
    kpiSerpPositivity: 'Позитив в выдаче',
    kpiSerpPositivityFormula:
      'позитивные / (позитивные + нейтральные + негативные) среди первых 20 органических результатов по ключевым запросам (последний за месяц на каждой позиции; нерелевантные не считаются)',
    kpiThirdPartyRecommend: 'Рекомендации третьих сторон',
    kpiThirdPartyRecommendFormula: 'результаты топ-20 не на доменах клиента с отметкой «рекомендует» / все увиденные результаты топ-20',
    kpiPortalCoverage: 'Порталы со ссылкой на клиента',
    kpiPortalCoverageFormula:
      'домены порталов (не поисковики и не домены клиента), где упоминание видели в последние 30 дней месяца, а ссылку на домен клиента — к его концу',
    kpiForumPositive: 'Тон форумов: позитив',
    kpiForumPositiveFormula: 'позитивные / все сообщения форумов и отмеченные страницы, увиденные в этом месяце',
    kpiForumNegative: 'Тон форумов: негатив',
    kpiForumNegativeFormula: 'негативные / все сообщения форумов и отмеченные страницы, увиденные в этом месяце',
    kpiNegativeTop10: 'Негатив в топ-10',
    kpiNegativeTop10Formula: 'негативные результаты среди первых 10 органических результатов по ключевым запросам',
    kpiSerpPositivityExplained: 'Насколько хорошо то, что люди первым находят о клиенте: доля позитивных результатов в топ-20 по ключевым запросам.',
    kpiThirdPartyRecommendExplained: 'Как часто другие сайты, а не сайт клиента, рекомендуют клиента в топ-20.',
    kpiPortalCoverageExplained: 'Сколько форумов и сайтов отзывов, где обсуждают клиента, ещё и ссылаются на него.',
    kpiForumPositiveExplained: 'Доля позитивных среди сообщений форумов и отмеченных страниц о клиенте за этот месяц.',
    kpiForumNegativeExplained: 'Доля негативных среди сообщений форумов и отмеченных страниц о клиенте за этот месяц.',
    kpiNegativeTop10Explained: 'Сколько негативных результатов на первой странице по ключевым запросам — там, куда смотрят почти все.',
  },
  bg: {
    kpiSerpPositivity: 'Позитивни резултати в търсачките',
    kpiSerpPositivityFormula:
      'позитивни / (позитивни + неутрални + негативни) сред първите 20 органични резултата за ключовите заявки (последният за месеца на всяка позиция; нерелевантните не се броят)',
    kpiThirdPartyRecommend: 'Препоръки от трети страни',
    kpiThirdPartyRecommendFormula: 'резултати от топ 20 извън домейните на клиента, отбелязани „препоръчва“ / всички видени резултати от топ 20',
    kpiPortalCoverage: 'Портали с връзка към клиента',
    kpiPortalCoverageFormula:
      'домейни на портали (не търсачки и не домейни на клиента) със споменаване, видяно през последните 30 дни на месеца, и връзка към домейн на клиента, видяна до края му',
    kpiForumPositive: 'Тон във форумите: позитивен',
    kpiForumPositiveFormula: 'позитивни / всички мнения във форуми и отбелязани страници, видени този месец',
    kpiForumNegative: 'Тон във форумите: негативен',
    kpiForumNegativeFormula: 'негативни / всички мнения във форуми и отбелязани страници, видени този месец',
    kpiNegativeTop10: 'Негативни резултати в топ 10',
    kpiNegativeTop10Formula: 'негативни резултати сред първите 10 органични резултата за ключовите заявки',
    kpiSerpPositivityExplained: 'Колко добро е това, което хората намират първо за клиента: делът на позитивните резултати в топ 20 за ключовите заявки.',
    kpiThirdPartyRecommendExplained: 'Колко често други сайтове, а не сайтът на клиента, препоръчват клиента в топ 20.',
    kpiPortalCoverageExplained: 'Колко форуми и сайтове за отзиви, в които се говори за клиента, имат и връзка към него.',
    kpiForumPositiveExplained: 'Делът на позитивните мнения във форуми и отбелязани страници за клиента този месец.',
    kpiForumNegativeExplained: 'Делът на негативните мнения във форуми и отбелязани страници за клиента този месец.',
    kpiNegativeTop10Explained: 'Колко негативни резултата има на първата страница за ключовите заявки — там, където гледат почти всички.',
  },
};
