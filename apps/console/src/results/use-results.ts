import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';
import { resultsSearch, trendRange, type RankingDimension, type ResultsQuery } from './results-query';

export const useResults = (query: ResultsQuery) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({ queryKey: ['results', 'figures', query], queryFn: () => dataProvider.getResults(query) });
};

/** The trend over the chosen period (its days, or its months for a quarter or a year). */
export const useResultsTrend = (query: ResultsQuery) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const range = trendRange(query);
  return useQuery({ queryKey: ['results', 'trend', range], queryFn: () => dataProvider.getResultsTrend(range) });
};

/** Reasons over the chosen period, for the Pareto of bad reviews (whatever dimension the table shows). */
export const useReasons = (query: ResultsQuery) => useResults({ ...query, dimension: 'reason' });

export const useRankings = (query: ResultsQuery, dimension: RankingDimension, figure: string) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({ queryKey: ['results', 'rankings', resultsSearch(query), dimension, figure], queryFn: () => dataProvider.getResultsRankings({ ...query, dimension }, figure) });
};

/** The minimum number of reviews (or counted cases) before anything is ranked: the admin's setting. */
export const useMinimumToRank = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({ queryKey: ['results', 'settings'], queryFn: () => dataProvider.getResultsSettings(), select: (settings) => settings.minReviewsToRank });
};
