import type { ReactNode } from 'react';
import { FIGURES, LOWER_IS_BETTER_FIGURES } from '@haochaping/contracts';
import { LEVELS } from '../results/results-format';
import type { MonthlyReport, ReportRanking } from './monthly-report.types';
import { BREAKDOWN_FIGURES, chineseDate, figureHeader, formatFigure, HEADLINE_FIGURES, summarySentence } from './report-format';

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numbered = (index: number, title: string) => `${CHINESE_NUMERALS[index]}、${title}`;
const sub = (index: number) => `（${CHINESE_NUMERALS[index]}）`;
const dash = (value: string | null | undefined) => (value === null || value === undefined || value === '' ? '—' : value);

/** One table of the 通报: Chinese headers, repeated on each printed page; rows never split across pages. */
const ReportTable = ({ headers, rows, testId, numeric = [] }: { headers: string[]; rows: ReactNode[][]; testId: string; numeric?: number[] }) => (
  <table className="mr-table" data-testid={testId}>
    <thead>
      <tr>
        {headers.map((header) => (
          <th key={header}>{header}</th>
        ))}
      </tr>
    </thead>
    <tbody>
      {rows.map((cells, row) => (
        <tr key={row}>
          {cells.map((cell, column) => (
            <td key={column} className={numeric.includes(column) ? 'mr-number' : undefined}>
              {cell}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  </table>
);

const None = ({ children }: { children: ReactNode }) => <p className="mr-paragraph">{children}</p>;

/** A section: its numbered heading kept with what follows; `newPage` starts it on a new sheet when printed. */
const Section = ({ title, newPage = false, children, testId }: { title: string; newPage?: boolean; children: ReactNode; testId: string }) => (
  <section className={newPage ? 'mr-section mr-new-page' : 'mr-section'} data-testid={testId}>
    <h2 className="mr-heading">{title}</h2>
    {children}
  </section>
);

const Ranking = ({ ranking, index }: { ranking: ReportRanking; index: number }) => {
  const lowerIsBetter = LOWER_IS_BETTER_FIGURES.includes(ranking.figure);
  return (
    <div className="mr-block">
      <h3 className="mr-subheading">
        {sub(index)}
        {ranking.dimensionLabel}按{ranking.figureLabel}排名{lowerIsBetter ? '（越低越好）' : ''}
      </h3>
      {ranking.ranked.length === 0 ? (
        <None>评价数达到 {ranking.minimumReviews} 条的对象本月没有，不排名。</None>
      ) : (
        <ReportTable
          testId={`mr-ranking-${ranking.dimension}-${ranking.figure}`}
          headers={['名次', ranking.dimensionLabel, '评价数', ranking.figureLabel]}
          numeric={[0, 2, 3]}
          rows={ranking.ranked.map((entry) => [entry.rank, entry.name, entry.reviews, formatFigure(ranking.figure, entry.value)])}
        />
      )}
      {ranking.unranked.length > 0 && (
        <p className="mr-note">
          评价数少于 {ranking.minimumReviews} 条或无可计算数据、不参与排名的：{ranking.unranked.map((entry) => `${entry.name}（${entry.reviews}条）`).join('、')}。
        </p>
      )}
    </div>
  );
};

/**
 * The 通报 as it is printed: the red-headed title, the issuer and date, an opening paragraph, then numbered sections
 * (一、总体情况 … 八、优化清单) and the figures' notes. Screen and print share this markup; the stylesheet
 * (monthly-report-print.css) sets it on A4.
 */
export const ReportDocument = ({ report }: { report: MonthlyReport }) => {
  const place = report.hall ? report.hall.name : '全县';
  const unit = report.scope === 'county' ? '大厅（镇街）' : '窗口';
  const improvements = report.improvements;
  let section = 0;
  const next = (title: string) => numbered(section++, title);
  return (
    <article className="mr-sheet" data-testid="monthly-report-document">
      <header className="mr-header">
        <h1 className="mr-title" data-testid="monthly-report-title">
          {report.title}
        </h1>
        <p className="mr-issuer">
          {report.issuer}
          {'\u3000'}
          {chineseDate(report.generatedAt)}
        </p>
        <hr className="mr-rule" />
      </header>
      <p className="mr-paragraph">{summarySentence(place, report.period.label, report.figures)}</p>

      <Section title={next('总体情况')} testId="mr-overview">
        <ReportTable
          testId="mr-headline"
          headers={['指标', '本月', '计算方法']}
          numeric={[1]}
          rows={HEADLINE_FIGURES.map((key) => [figureHeader(key), formatFigure(key, report.figures[key]), FIGURES[key].note])}
        />
        <p className="mr-note">评价等级分布（采纳的评价）：{LEVELS.map((level) => `${level.label}${report.levels[level.key]}条`).join('，')}。</p>
      </Section>

      <Section title={next(report.scope === 'county' ? '各大厅（镇街）情况' : '各窗口情况')} testId="mr-breakdown">
        {report.breakdown.length === 0 ? (
          <None>本月无数据。</None>
        ) : (
          <ReportTable
            testId="mr-breakdown-table"
            headers={[unit, ...BREAKDOWN_FIGURES.map(figureHeader)]}
            numeric={BREAKDOWN_FIGURES.map((_, index) => index + 1)}
            rows={report.breakdown.map((row) => [row.name, ...BREAKDOWN_FIGURES.map((key) => formatFigure(key, row.figures[key]))])}
          />
        )}
      </Section>

      <Section title={next('排名情况')} testId="mr-rankings">
        <p className="mr-note">排名只计评价数不少于 {report.rankings[0]?.minimumReviews ?? '—'} 条的对象（最少评价数由系统管理员设置）；数值相同的名次相同。</p>
        {report.rankings.map((ranking, index) => (
          <Ranking key={`${ranking.dimension}-${ranking.figure}`} ranking={ranking} index={index} />
        ))}
      </Section>

      <Section title={next('差评主要原因')} testId="mr-reasons">
        {report.badReasons.length === 0 ? (
          <None>本月差评未选择原因，或无差评。</None>
        ) : (
          <ReportTable testId="mr-reasons-table" headers={['原因', '差评数']} numeric={[1]} rows={report.badReasons.map((reason) => [reason.label, reason.badReviews])} />
        )}
        <p className="mr-note">一条差评选了几个原因，就计入几个原因。</p>
      </Section>

      <Section title={next('差评整改按时办结情况')} newPage testId="mr-late">
        <p className="mr-paragraph">
          本月受理的差评整改按时办结率为 {formatFigure('onTimeRate', report.figures.onTimeRate)}，超期（含当前逾期、超期上报和延期后超出原定期限）{report.lateCaseCount} 件
          {report.lateCases.length < report.lateCaseCount ? `，下表列出前 ${report.lateCases.length} 件` : ''}。
        </p>
        {report.lateCases.length > 0 && (
          <ReportTable
            testId="mr-late-table"
            headers={['评价日期', '大厅（镇街）', '事项', '评价等级', '当前状态', '超期情况']}
            rows={report.lateCases.map((item) => [item.reviewedOn, item.hallName, dash(item.serviceItemName), item.levelLabel, item.stateLabel, item.lateReasons.join('；')])}
          />
        )}
      </Section>

      <Section title={next('不予采纳情况')} testId="mr-not-adopted">
        <p className="mr-paragraph">
          本月评价经核实、县行政审批服务局审核同意不予采纳的共 {report.figures.notAdopted ?? 0} 条，不计入好评率、差评率
          {report.notAdopted.length < (report.figures.notAdopted ?? 0) ? `，下表列出前 ${report.notAdopted.length} 条` : ''}。
        </p>
        {report.notAdopted.length > 0 && (
          <ReportTable
            testId="mr-not-adopted-table"
            headers={['评价日期', '大厅（镇街）', '窗口', '评价等级', '核实结论', '不予采纳理由', '审核日期']}
            rows={report.notAdopted.map((item) => [item.reviewedOn, item.hallName, dash(item.windowName), item.levelLabel, dash(item.finding), dash(item.reason), dash(item.decidedOn)])}
          />
        )}
      </Section>

      <Section title={next('典型案例')} testId="mr-typical">
        {report.typicalCases.length === 0 ? (
          <None>本月无已反馈整改结果的差评。</None>
        ) : (
          report.typicalCases.map((item, index) => (
            <div className="mr-block mr-case" key={index} data-testid="mr-typical-case">
              <h3 className="mr-subheading">
                {sub(index)}
                {item.hallName}
                {item.windowName ?? ''}“{item.levelLabel}”评价整改
              </h3>
              <p className="mr-paragraph">
                {chineseDate(item.reviewedOn)}，群众对{item.hallName}
                {item.serviceItemName ? `“${item.serviceItemName}”事项` : ''}的服务作出“{item.levelLabel}”评价
                {item.reasons.length > 0 ? `，反映问题：${item.reasons.join('、')}` : ''}。{item.categoryLabel ? `经核实属实，按${item.categoryLabel}办理。` : ''}
              </p>
              <p className="mr-paragraph">整改措施：{item.measures}</p>
              <p className="mr-paragraph">整改结果：{item.result}</p>
              <p className="mr-paragraph">
                办理情况：{item.stateLabel}
                {item.outcomeLabel ? `，群众确认${item.outcomeLabel}` : ''}。
              </p>
            </div>
          ))
        )}
        <p className="mr-note">案例已隐去评价人姓名、电话等个人信息，整改措施和结果为经办人员登记的内容。</p>
      </Section>

      <Section title={next('优化清单')} testId="mr-improvements">
        {improvements.length === 0 ? (
          <None>本月暂无列入优化清单的事项。</None>
        ) : (
          <ReportTable
            testId="mr-improvements-table"
            headers={['事项', '大厅（镇街）', '服务事项', '责任单位', '完成时限', '状态', '相关评价数']}
            rows={improvements.map((item) => [item.title, dash(item.hallName), dash(item.serviceItemName), dash(item.ownerName), dash(item.dueDate), item.statusLabel, item.reviewCount])}
          />
        )}
      </Section>

      <section className="mr-section mr-notes" data-testid="mr-notes">
        <h2 className="mr-heading">附：指标说明</h2>
        <ol className="mr-note-list">
          {report.notes.map((note) => (
            <li key={note.key}>
              {note.label}：{note.note}
            </li>
          ))}
        </ol>
        <p className="mr-note">
          统计期间：{report.period.label}（{report.period.from.slice(0, 10)} 0时起至 {report.period.to.slice(0, 10)} 0时止，北京时间）；评价按提交时间、差评整改按受理时间计入月份；数据截至{' '}
          {report.generatedAt.replace('T', ' ').slice(0, 16)}，未办结案件的比率以后可能变化。
        </p>
      </section>
    </article>
  );
};
