//! The values a forecast draws, kept for sensitivity, and their rank correlation with a
//! finish (the tornado chart).
//!
//! Each iteration draws a row: a duration per uncertain task, then an impact per risk
//! (its *columns*). Rows are kept in iteration order, as drawn, and every computation on
//! them below reads them in that order too: the iterations stay fast, and so does the
//! analysis.
//!
//! Correlation is Spearman's: Pearson's on ranks, ties sharing their average rank. Ranks
//! are kept *centred and doubled* (`2·rank − (n + 1)`): whole numbers summing to zero, so
//! the sums are exact integer arithmetic, the same on every platform. The columns are
//! ranked once ([`Drawn::ranked`]: a column of working days spans few values, so it is
//! ranked by counting, its ranks kept by value), then correlated with any number of
//! finishes. Both are O(columns × iterations).

use crate::check::Checked;

/// Drawn durations and impacts, a row per iteration.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Drawn {
    /// Columns: uncertain tasks, then risks.
    width: usize,
    rows: Vec<u16>,
}

impl Drawn {
    pub fn new(width: usize, iterations: usize) -> Self {
        Drawn {
            width,
            rows: Vec::with_capacity(width * iterations),
        }
    }

    /// A new row, to fill with the next iteration's draws.
    pub fn next_row(&mut self) -> &mut [u16] {
        let at = self.rows.len();
        // Resized, then written into place: no capacity check per value.
        self.rows.resize(at + self.width, 0);
        &mut self.rows[at..]
    }

    fn rows(&self) -> impl Iterator<Item = &[u16]> {
        self.rows.chunks_exact(self.width.max(1))
    }

    /// Each column's least and greatest value.
    fn bounds(&self) -> (Vec<u16>, Vec<u16>) {
        let (mut low, mut high) = (vec![u16::MAX; self.width], vec![0; self.width]);
        for row in self.rows() {
            for ((low, high), &v) in low.iter_mut().zip(&mut high).zip(row) {
                (*low, *high) = ((*low).min(v), (*high).max(v));
            }
        }
        (low, high)
    }

    /// Every column ranked.
    pub fn ranked(&self) -> Ranked<'_> {
        let n = self.rows().count();
        let (low, high) = self.bounds();
        // Columns of a small range are counted into one table, at their offset; others
        // (a task estimated over thousands of days, in a short run) are sorted.
        let mut by_value = Vec::new();
        let mut by_iteration = Vec::new();
        let mut size = 0;
        for j in 0..self.width {
            let span = usize::from(high[j].saturating_sub(low[j])) + 1;
            if span <= 4 * n + 64 {
                by_value.push(ValueColumn {
                    column: j,
                    offset: size,
                    low: low[j],
                    span,
                });
                size += span;
            } else {
                let values: Vec<i64> = self.rows().map(|row| i64::from(row[j])).collect();
                by_iteration.push((j, Ranks::of(&values).by_iteration(&values)));
            }
        }
        let mut table = vec![0i64; size];
        for row in self.rows() {
            for c in &by_value {
                table[c.index(row)] += 1;
            }
        }
        let mut squares = vec![0i64; self.width];
        // Counts become centred ranks: 2·(values before) + count + 1 − (n + 1).
        for c in &by_value {
            let mut before = 0;
            for entry in &mut table[c.offset..c.offset + c.span] {
                let count = *entry;
                let rank = 2 * before + count + 1 - (n as i64 + 1);
                squares[c.column] += count * rank * rank;
                before += count;
                *entry = rank;
            }
        }
        for (j, ranks) in &by_iteration {
            squares[*j] = ranks.iter().map(|r| r * r).sum();
        }
        Ranked {
            drawn: self,
            by_value,
            table,
            by_iteration,
            squares,
        }
    }
}

/// A column ranked by value: the rank of value `low + k` is `table[offset + k]`, for `k`
/// below `span`.
#[derive(Clone, Copy)]
struct ValueColumn {
    column: usize,
    offset: usize,
    low: u16,
    span: usize,
}

impl ValueColumn {
    /// Where in the table the rank of this column's value in `row` is.
    fn index(self, row: &[u16]) -> usize {
        self.offset + usize::from(row[self.column] - self.low)
    }
}

/// The drawn columns with their ranks: ready to correlate with finishes.
pub(crate) struct Ranked<'d> {
    drawn: &'d Drawn,
    by_value: Vec<ValueColumn>,
    table: Vec<i64>,
    /// Columns ranked by sorting: their centred rank in each iteration.
    by_iteration: Vec<(usize, Vec<i64>)>,
    /// Each column's sum of squared centred ranks.
    squares: Vec<i64>,
}

impl Ranked<'_> {
    /// The rank correlation with `finishes` (one per iteration) of each column `include`
    /// accepts, as (column, correlation) in column order: 0 for a column or finish that
    /// never varies.
    pub fn correlations(
        &self,
        finishes: &[i64],
        include: impl Fn(usize) -> bool,
    ) -> Vec<(usize, f64)> {
        let y = Ranks::of(finishes).by_iteration(finishes);
        let syy: i64 = y.iter().map(|y| y * y).sum();
        let sxy = self.cross_sums(&y, &include);
        (0..self.drawn.width)
            .filter(|&j| include(j))
            .map(|j| (j, correlation(sxy[j], self.squares[j], syy)))
            .collect()
    }

    /// Per column, the sum over these rows of its rank times `y` (a finish's centred
    /// ranks, one per row): 0 for a column `include` refuses.
    pub fn cross_sums(&self, y: &[i64], include: impl Fn(usize) -> bool) -> Vec<i64> {
        let mut sxy = vec![0i64; self.drawn.width];
        let by_value: Vec<ValueColumn> = self
            .by_value
            .iter()
            .copied()
            .filter(|c| include(c.column))
            .collect();
        for (row, &y) in self.drawn.rows().zip(y) {
            for c in &by_value {
                sxy[c.column] += self.table[c.index(row)] * y;
            }
        }
        for (j, ranks) in self.by_iteration.iter().filter(|(j, _)| include(*j)) {
            sxy[*j] = ranks.iter().zip(y).map(|(x, y)| x * y).sum();
        }
        sxy
    }
}

/// Pearson's correlation from its sums: 0 when either side never varies.
pub(crate) fn correlation(sxy: i64, sxx: i64, syy: i64) -> f64 {
    if sxx == 0 || syy == 0 {
        0.0
    } else {
        sxy as f64 / (sxx as f64 * syy as f64).sqrt()
    }
}

/// Whether `include` (`None`: all) takes column `j`.
pub(crate) fn includes(include: &Option<Vec<bool>>, j: usize) -> bool {
    include
        .as_ref()
        .is_none_or(|columns| columns.get(j).copied().unwrap_or(false))
}

/// Each column's values, ascending, and how many iterations drew each: of a part of the
/// iterations ([`Drawn::value_counts`]), or of all of them (the parts' added up,
/// [`ValueCounts::add`]), which ranks every column over the whole run.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ValueCounts {
    /// Column `j`'s entries are `starts[j]..starts[j + 1]`.
    pub starts: Vec<u32>,
    pub values: Vec<u16>,
    pub counts: Vec<u32>,
}

impl ValueCounts {
    fn column(&self, j: usize) -> std::ops::Range<usize> {
        let at = |k: usize| self.starts.get(k).map_or(0, |&s| s as usize);
        let end = at(j + 1).min(self.values.len().min(self.counts.len()));
        at(j).min(end)..end
    }

    /// The parts' counts added up, for `width` columns.
    pub fn add(parts: &[ValueCounts], width: usize) -> ValueCounts {
        let mut all = ValueCounts {
            starts: vec![0],
            ..ValueCounts::default()
        };
        let mut entries: Vec<(u16, u32)> = Vec::new();
        for j in 0..width {
            entries.clear();
            for part in parts {
                let range = part.column(j);
                let counted = part.values[range.clone()].iter().zip(&part.counts[range]);
                entries.extend(counted.map(|(&v, &c)| (v, c)));
            }
            entries.sort_unstable();
            for group in entries.chunk_by(|a, b| a.0 == b.0) {
                all.values.push(group[0].0);
                all.counts.push(group.iter().map(|e| e.1).sum());
            }
            all.starts.push(all.values.len() as u32);
        }
        all
    }

    /// Each entry's centred doubled rank among all the iterations counted, and each
    /// column's sum of squared ranks.
    fn ranks(&self, width: usize) -> (Vec<i64>, Vec<i64>) {
        let n: i64 = self.column_total(0);
        let mut ranks = vec![0; self.values.len()];
        let mut squares = vec![0; width];
        for (j, square) in squares.iter_mut().enumerate() {
            let mut before = 0;
            for k in self.column(j) {
                let count = i64::from(self.counts[k]);
                let rank = 2 * before + count + 1 - (n + 1);
                ranks[k] = rank;
                *square += count * rank * rank;
                before += count;
            }
        }
        (ranks, squares)
    }

    /// Each column's sum of squared centred ranks.
    pub(crate) fn squares(&self, width: usize) -> Vec<i64> {
        self.ranks(width).1
    }

    /// Iterations counted in column `j` (every column counts every iteration).
    fn column_total(&self, j: usize) -> i64 {
        self.column(j).map(|k| i64::from(self.counts[k])).sum()
    }
}

impl Drawn {
    /// These rows' [`ValueCounts`]. O(columns × rows), reading the rows in order (as
    /// [`Drawn::ranked`] does: a column at a time would read them out of order, slowly).
    pub fn value_counts(&self) -> ValueCounts {
        let n = self.rows().count();
        let (low, high) = self.bounds();
        let mut counted = Vec::new();
        let mut size = 0;
        for j in 0..self.width {
            let span = usize::from(high[j].saturating_sub(low[j])) + 1;
            if n > 0 && span <= 4 * n + 64 {
                counted.push(ValueColumn {
                    column: j,
                    offset: size,
                    low: low[j],
                    span,
                });
                size += span;
            }
        }
        let mut table = vec![0u32; size];
        for row in self.rows() {
            for c in &counted {
                table[c.index(row)] += 1;
            }
        }
        let mut counts = ValueCounts {
            starts: vec![0],
            ..ValueCounts::default()
        };
        let mut dense = counted.iter().peekable();
        for j in 0..self.width {
            match dense.next_if(|c| c.column == j) {
                Some(c) => {
                    let cells = &table[c.offset..c.offset + c.span];
                    for (k, &count) in cells.iter().enumerate().filter(|(_, c)| **c > 0) {
                        counts.values.push(c.low + k as u16);
                        counts.counts.push(count);
                    }
                }
                None if n > 0 => {
                    let mut values: Vec<u16> = self.rows().map(|row| row[j]).collect();
                    values.sort_unstable();
                    for group in values.chunk_by(|a, b| a == b) {
                        counts.values.push(group[0]);
                        counts.counts.push(group.len() as u32);
                    }
                }
                None => {}
            }
            counts.starts.push(counts.values.len() as u32);
        }
        counts
    }

    /// The columns ranked over the whole run, by its counts (`all`, which these rows are
    /// part of), or `None` if these rows drew a value `all` does not count.
    pub fn ranked_by(&self, all: &ValueCounts) -> Option<Ranked<'_>> {
        if all.starts.len() != self.width + 1 {
            return None;
        }
        let n = usize::try_from(all.column_total(0)).ok()?;
        let (ranks, squares) = all.ranks(self.width);
        let (low, high) = self.bounds();
        let any_rows = self.rows().next().is_some();
        let mut by_value = Vec::new();
        let mut by_iteration = Vec::new();
        let mut table = Vec::new();
        for j in 0..self.width {
            let range = all.column(j);
            let values = &all.values[range.clone()];
            let (Some(&first), Some(&last)) = (values.first(), values.last()) else {
                // Nothing drawn anywhere: then nothing drawn here either.
                if any_rows {
                    return None;
                }
                continue;
            };
            let ascending = values.windows(2).all(|w| w[0] < w[1]);
            if !ascending || any_rows && (low[j] < first || high[j] > last) {
                return None;
            }
            let span = usize::from(last - first) + 1;
            if span <= 4 * n + 64 {
                let offset = table.len();
                table.resize(offset + span, 0);
                for (&value, &rank) in values.iter().zip(&ranks[range]) {
                    table[offset + usize::from(value - first)] = rank;
                }
                by_value.push(ValueColumn {
                    column: j,
                    offset,
                    low: first,
                    span,
                });
            } else {
                let ranks = &ranks[range];
                let by_row = self
                    .rows()
                    .map(|row| values.binary_search(&row[j]).ok().map_or(0, |k| ranks[k]));
                by_iteration.push((j, by_row.collect()));
            }
        }
        Some(Ranked {
            drawn: self,
            by_value,
            table,
            by_iteration,
            squares,
        })
    }
}

/// The centred doubled ranks of `values` (`2·rank − (n + 1)`, ties sharing their average).
pub(crate) fn centred_ranks(values: &[i64]) -> Vec<i64> {
    Ranks::of(values).by_iteration(values)
}

/// What it takes to say, for any milestone, which drawn columns can move it: the uncertain
/// tasks upstream of it (itself and its predecessors, transitively, through links of any
/// type) and the risks that delay one of them. The others cannot change its early finish;
/// any correlation they showed would be sampling noise. A milestone placed as late as
/// possible follows its successors and the program finish instead: any column may move it.
///
/// Kept as the links (O(T + D)) and worked out for one milestone when its drivers are asked
/// for, never for every milestone up front: a plan of 5,000 milestones and 100,000 tasks
/// would take 500 MB and seconds of work nobody asked for.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Upstream {
    /// The predecessors of task `t` are `predecessors[starts[t]..starts[t + 1]]`.
    starts: Vec<u32>,
    predecessors: Vec<u32>,
    /// The task of each task column, then the tasks each risk column delays.
    column_tasks: Vec<u32>,
    risk_tasks: Vec<Vec<u32>>,
    /// The tasks placed as late as possible, by index.
    placed_late: Vec<u32>,
}

impl Upstream {
    /// `uncertain`: the task of each task column (the risk columns follow, in program order).
    pub fn new(checked: &Checked<'_>, uncertain: &[usize]) -> Self {
        let n = checked.tasks.len();
        let mut starts = Vec::with_capacity(n + 1);
        let mut predecessors = Vec::new();
        starts.push(0);
        for t in 0..n {
            predecessors.extend(checked.predecessors.of(t).iter().map(|link| link.task));
            starts.push(predecessors.len() as u32);
        }
        let risk_tasks = checked
            .program()
            .risks
            .iter()
            .map(|risk| {
                let tasks = risk.tasks.iter().filter_map(|id| checked.task_index(id));
                tasks.map(|t| t as u32).collect()
            })
            .collect();
        Upstream {
            starts,
            predecessors,
            column_tasks: uncertain.iter().map(|&t| t as u32).collect(),
            risk_tasks,
            placed_late: (0..n as u32)
                .filter(|&t| checked.tasks[t as usize].is_placed_late())
                .collect(),
        }
    }

    /// Which columns can move the finish of `task` (`None`: any). O(T + D).
    pub fn columns(&self, task: usize) -> Option<Vec<bool>> {
        if self.placed_late.binary_search(&(task as u32)).is_ok() {
            return None;
        }
        let upstream = self.of(task);
        let at = |t: u32| upstream.get(t as usize).copied().unwrap_or(false);
        let tasks = self.column_tasks.iter().map(|&t| at(t));
        let risks = self
            .risk_tasks
            .iter()
            .map(|tasks| tasks.iter().any(|&t| at(t)));
        Some(tasks.chain(risks).collect())
    }

    /// Whether each task is `task` or one of its predecessors, transitively.
    fn of(&self, task: usize) -> Vec<bool> {
        let n = self.starts.len().saturating_sub(1);
        let mut upstream = vec![false; n];
        if task >= n {
            return upstream;
        }
        upstream[task] = true;
        let mut stack = vec![task];
        while let Some(t) = stack.pop() {
            let links = self.starts[t] as usize..self.starts[t + 1] as usize;
            for &p in &self.predecessors[links] {
                if !upstream[p as usize] {
                    upstream[p as usize] = true;
                    stack.push(p as usize);
                }
            }
        }
        upstream
    }
}

/// Centred doubled ranks of a series (`2·rank − (n + 1)`, ties sharing their average).
#[derive(Clone, Debug)]
enum Ranks {
    /// By value, `table[value − low]`: counted over the value range when it is small (the
    /// usual case for working days).
    ByValue { low: i64, table: Vec<i64> },
    /// By position in the series, by sorting, when the range is wide.
    ByIteration(Vec<i64>),
}

impl Ranks {
    fn of(values: &[i64]) -> Self {
        let (Some(&low), Some(&high)) = (values.iter().min(), values.iter().max()) else {
            return Ranks::ByIteration(Vec::new());
        };
        let n = values.len() as i64;
        let span = (high - low) as usize + 1;
        if span <= 4 * values.len() + 64 {
            let mut counts = vec![0i64; span];
            for &v in values {
                counts[(v - low) as usize] += 1;
            }
            // Ranks before a value, plus the middle of its own run: doubled, 2·before + c + 1.
            let mut before = 0;
            let table = counts
                .iter()
                .map(|&c| {
                    let doubled = 2 * before + c + 1;
                    before += c;
                    doubled - (n + 1)
                })
                .collect();
            Ranks::ByValue { low, table }
        } else {
            let mut order: Vec<usize> = (0..values.len()).collect();
            order.sort_by_key(|&i| values[i]);
            let mut centred = vec![0; values.len()];
            let mut start = 0;
            while start < order.len() {
                let mut end = start + 1;
                while end < order.len() && values[order[end]] == values[order[start]] {
                    end += 1;
                }
                // Positions start..end share ranks start + 1 ..= end: doubled average
                // start + end + 1.
                for &i in &order[start..end] {
                    centred[i] = (start + end + 1) as i64 - (n + 1);
                }
                start = end;
            }
            Ranks::ByIteration(centred)
        }
    }

    /// The centred rank of each of `values` (those ranked).
    fn by_iteration(self, values: &[i64]) -> Vec<i64> {
        match self {
            Ranks::ByIteration(centred) => centred,
            Ranks::ByValue { .. } => values
                .iter()
                .enumerate()
                .map(|(i, &v)| self.at(i, v))
                .collect(),
        }
    }

    /// The centred rank of the `i`th value, `value`.
    fn at(&self, i: usize, value: i64) -> i64 {
        match self {
            Ranks::ByValue { low, table } => table[(value - low) as usize],
            Ranks::ByIteration(centred) => centred[i],
        }
    }
}

#[cfg(test)]
mod tests;
