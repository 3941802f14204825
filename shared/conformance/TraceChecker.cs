using System.Numerics;

namespace Traces.Conformance;

/// <summary>Compares a trace with the reference model, in every way the contract allows a reader to look.</summary>
/// <remarks>
/// <para>
/// Before any compaction the comparison is exact: for every key, the consolidation of what the trace yields
/// equals the consolidation of everything added. Once a frontier <c>F</c> is set, a trace may have rewritten
/// times, so the comparison is by accumulation: for every key and value, the count at every probe time
/// <c>s</c> with <c>F ≤ s</c> must agree. Probe times are the joins of each frontier element with every time the
/// key's updates mention (on either side) and with a few random times: where accumulations change.
/// </para>
/// <para>
/// Always checked: <c>Get(k)</c> yields only updates for <c>k</c>; <c>Keys()</c> lists each key once, and lists
/// exactly the keys whose updates (as the trace yields them) consolidate to something; declared
/// <see cref="TraceGuarantees"/> hold. A trace that is an <see cref="INavigableTrace{TKey, TVal, TTime, TDiff}"/> has
/// its cursor checked last, by <see cref="CursorChecker"/>.
/// </para>
/// <para>
/// The order of the checks is chosen so that the first failure names the method at fault: each method's own promises
/// first, then <c>Get</c> against the model for every key, and only then <c>Keys()</c> against <c>Get</c>. A failure
/// prints the model's answer and the trace's a line each, in <see cref="UpdateText"/>'s notation.
/// </para>
/// </remarks>
public static class TraceChecker
{
    /// <summary>Throws a <see cref="ConformanceException"/> if <paramref name="trace"/> disagrees with <paramref name="model"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="trace">The trace under test.</param>
    /// <param name="model">The model that received the same operations.</param>
    /// <param name="extraKeys">Keys to probe besides those ever added (e.g. keys never added).</param>
    /// <param name="probeTimes">Extra times to join with the frontier when probing accumulations.</param>
    /// <param name="checkCursor">
    /// Whether to check a navigable trace's cursor too (always in the hand-written cases; random runs check it on
    /// some steps, see <see cref="RandomRun"/>).
    /// </param>
    public static void MatchesModel<TKey, TVal, TTime, TDiff>(
        ITrace<TKey, TVal, TTime, TDiff> trace,
        ReferenceTrace<TKey, TVal, TTime, TDiff> model,
        IEnumerable<TKey>? extraKeys = null,
        IReadOnlyList<TTime>? probeTimes = null,
        bool checkCursor = true)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
            IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(model);
        TraceGuarantees guarantees = trace.Guarantees;

        List<TKey> listed = [.. trace.Keys()];
        var listedSet = new SortedSet<TKey>(Comparer<TKey>.Create((a, b) => Ordering.Compare(a, b)));
        for (int i = 0; i < listed.Count; i++)
        {
            if (!listedSet.Add(listed[i]))
            {
                throw new ConformanceException($"Keys() yields {listed[i]} more than once.");
            }

            if (guarantees.HasFlag(TraceGuarantees.AscendingKeys) && i > 0 && Ordering.Compare(listed[i - 1], listed[i]) >= 0)
            {
                throw new ConformanceException($"Keys() promises ascending keys but yields {listed[i - 1]} before {listed[i]}.");
            }
        }

        var probeKeys = new SortedSet<TKey>(listedSet, listedSet.Comparer);
        foreach (TKey key in model.KeysEverAdded)
        {
            probeKeys.Add(key);
        }

        foreach (TKey key in extraKeys ?? [])
        {
            probeKeys.Add(key);
        }

        Antichain<TTime> frontier = model.Frontier;
        bool exact = frontier.SetEquals(Antichain<TTime>.AtMinimum());

        // First each method against the model (Get's answers), then the methods against each other (Keys() against
        // Get), so that the first failure names the method at fault: a Get that loses updates is reported as
        // disagreeing with the model, not as a Keys() that lists a key Get forgot.
        var answers = new List<(TKey Key, List<Update<TKey, TVal, TTime, TDiff>> Consolidated)>();
        foreach (TKey key in probeKeys)
        {
            List<Update<TKey, TVal, TTime, TDiff>> consolidated =
                CheckGet(trace, model, key, guarantees, exact, frontier, probeTimes ?? []);
            answers.Add((key, consolidated));
        }

        foreach (var (key, consolidated) in answers)
        {
            bool listedKey = listedSet.Contains(key);
            if (listedKey != (consolidated.Count > 0))
            {
                throw new ConformanceException(listedKey
                    ? $"Keys() lists {key}, but Get({key}) consolidates to nothing (and Get agrees with the model)."
                    : $"Keys() omits {key}, but Get({key}) consolidates to {UpdateText.List(consolidated)} " +
                      "(and Get agrees with the model).");
            }
        }

        if (checkCursor && trace is INavigableTrace<TKey, TVal, TTime, TDiff> navigable)
        {
            CursorChecker.MatchesModel(navigable, model, probeKeys, exact, frontier, probeTimes ?? []);
        }
    }

    /// <summary>Checks <c>Get(key)</c> against its own promises and against the model; returns its consolidation.</summary>
    private static List<Update<TKey, TVal, TTime, TDiff>> CheckGet<TKey, TVal, TTime, TDiff>(
        ITrace<TKey, TVal, TTime, TDiff> trace,
        ReferenceTrace<TKey, TVal, TTime, TDiff> model,
        TKey key,
        TraceGuarantees guarantees,
        bool exact,
        Antichain<TTime> frontier,
        IReadOnlyList<TTime> probeTimes)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
            IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        List<Update<TKey, TVal, TTime, TDiff>> got = [.. trace.Get(key)];
        for (int i = 0; i < got.Count; i++)
        {
            if (Ordering.Compare(got[i].Key, key) != 0)
            {
                throw new ConformanceException($"Get({key}) yields an update for key {got[i].Key}: {UpdateText.Of(got[i])}.");
            }

            if (guarantees.HasFlag(TraceGuarantees.ConsolidatedUpdates))
            {
                if (got[i].Diff == TDiff.AdditiveIdentity)
                {
                    throw new ConformanceException(
                        $"Get({key}) promises consolidated updates but yields a zero diff: {UpdateText.Of(got[i])}.");
                }

                if (i > 0 && CompareValTime(got[i - 1], got[i]) >= 0)
                {
                    throw new ConformanceException(
                        $"Get({key}) promises updates sorted by (val, time) without repeats but yields " +
                        $"{UpdateText.Of(got[i - 1])} before {UpdateText.Of(got[i])}.");
                }
            }
        }

        var consolidated = new List<Update<TKey, TVal, TTime, TDiff>>(got);
        Consolidation.Consolidate(consolidated);
        CompareWithModel($"Get({key})", model, key, consolidated, exact, frontier, probeTimes);
        return consolidated;
    }

    /// <summary>
    /// Compares what a reader was given for <paramref name="key"/> (consolidated) with the model: exactly before
    /// compaction, by accumulation at every probe time beyond the frontier after it.
    /// </summary>
    /// <param name="subject">What gave the updates, for the failure message: <c>Get(k)</c>, or the cursor.</param>
    /// <param name="model">The model.</param>
    /// <param name="key">The key.</param>
    /// <param name="consolidated">The updates the reader was given, consolidated.</param>
    /// <param name="exact">Whether no frontier has been set, so the comparison is exact.</param>
    /// <param name="frontier">The model's frontier.</param>
    /// <param name="probeTimes">Extra times to join with the frontier.</param>
    internal static void CompareWithModel<TKey, TVal, TTime, TDiff>(
        string subject,
        ReferenceTrace<TKey, TVal, TTime, TDiff> model,
        TKey key,
        List<Update<TKey, TVal, TTime, TDiff>> consolidated,
        bool exact,
        Antichain<TTime> frontier,
        IReadOnlyList<TTime> probeTimes)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
            IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        List<Update<TKey, TVal, TTime, TDiff>> expected = [.. model.Get(key)];
        if (exact)
        {
            if (!consolidated.SequenceEqual(expected))
            {
                throw new ConformanceException(
                    $"{subject} disagrees with the model (consolidated):" +
                    UpdateText.ModelAndTrace(expected, consolidated));
            }

            return;
        }

        // After compaction: compare counts at every probe time beyond the frontier.
        var vals = new List<TVal>();
        var times = new List<TTime>(probeTimes);
        foreach (var update in consolidated.Concat(expected))
        {
            vals.Add(update.Val);
            times.Add(update.Time);
        }

        vals.Sort((a, b) => Ordering.Compare(a, b));
        var probes = new List<TTime>();
        foreach (TTime f in frontier.Elements)
        {
            probes.Add(f);
            foreach (TTime t in times)
            {
                probes.Add(t.Join(f));
            }
        }

        probes.Sort((a, b) => Ordering.Compare(a, b));
        for (int v = 0; v < vals.Count; v++)
        {
            if (v > 0 && Ordering.Compare(vals[v - 1], vals[v]) == 0)
            {
                continue;
            }

            for (int p = 0; p < probes.Count; p++)
            {
                if (p > 0 && Ordering.Compare(probes[p - 1], probes[p]) == 0)
                {
                    continue;
                }

                TDiff want = ReferenceTrace<TKey, TVal, TTime, TDiff>.Accumulate(expected, key, vals[v], probes[p]);
                TDiff have = ReferenceTrace<TKey, TVal, TTime, TDiff>.Accumulate(consolidated, key, vals[v], probes[p]);
                if (want != have)
                {
                    throw new ConformanceException(
                        $"{subject} disagrees with the model after compaction to {frontier}: value {vals[v]} counts " +
                        $"{have} at time {probes[p]} but should count {want}." +
                        UpdateText.ModelAndTrace(expected, consolidated));
                }
            }
        }
    }

    private static int CompareValTime<TKey, TVal, TTime, TDiff>(Update<TKey, TVal, TTime, TDiff> x, Update<TKey, TVal, TTime, TDiff> y)
        where TVal : IComparable<TVal>
        where TTime : IComparable<TTime>
    {
        int order = Ordering.Compare(x.Val, y.Val);
        return order != 0 ? order : x.Time.CompareTo(y.Time);
    }

    /// <summary>Formats updates compactly in brackets, for logs and failure messages (see <see cref="UpdateText"/>).</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="updates">The updates.</param>
    public static string Describe<TKey, TVal, TTime, TDiff>(IEnumerable<Update<TKey, TVal, TTime, TDiff>> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        List<Update<TKey, TVal, TTime, TDiff>> list = [.. updates];
        return list.Count == 0 ? "[]" : "[" + UpdateText.List(list) + "]";
    }
}
