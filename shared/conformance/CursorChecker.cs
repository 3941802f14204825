using System.Numerics;

namespace Traces.Conformance;

/// <summary>Compares a trace's cursor with the reference model, walking it and seeking it.</summary>
/// <remarks>
/// <para>
/// The walk visits every key and value once: keys and values strictly ascending, no key without a value, every
/// history sorted by time, consolidated and non-empty. What the walk gathers for each key is compared with the
/// model as <c>Get</c>'s answer is (exactly, or by accumulation after compaction); a key the model never saw may
/// not appear.
/// </para>
/// <para>
/// The seeks, on a fresh cursor: every probe key in ascending order must land on the first walked key at or after
/// it; on a key that is there, every value must be found by <c>SeekVal</c> with the walk's history, past the last
/// value the cursor must say so, and seeking the same key again must start its values over. Then a seek backwards
/// must not move, and <c>RewindKeys</c> must return to the first key.
/// </para>
/// </remarks>
public static class CursorChecker
{
    /// <summary>
    /// Walks every key and value from where <paramref name="cursor"/> is to the end and sums the diffs of their
    /// histories: a read that touches everything a cursor offers, for tests that count what a walk allocates or sees.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <param name="cursor">The cursor; left past the last key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cursor"/> is <see langword="null"/>.</exception>
    public static long SumDiffs<TKey, TVal, TTime>(ITraceCursor<TKey, TVal, TTime, long> cursor)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
    {
        ArgumentNullException.ThrowIfNull(cursor);
        long sum = 0;
        for (; cursor.KeyValid; cursor.StepKey())
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                foreach (var (_, diff) in cursor.History)
                {
                    sum += diff;
                }
            }
        }

        return sum;
    }

    /// <summary>Throws a <see cref="ConformanceException"/> if the cursor of <paramref name="trace"/> disagrees with <paramref name="model"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <typeparam name="TDiff">The diff type.</typeparam>
    /// <param name="trace">The trace under test.</param>
    /// <param name="model">The model that received the same operations.</param>
    /// <param name="probeKeys">Every key ever added, plus keys never added, ascending.</param>
    /// <param name="exact">Whether no frontier has been set, so the comparison is exact.</param>
    /// <param name="frontier">The model's frontier.</param>
    /// <param name="probeTimes">Extra times to join with the frontier when probing accumulations.</param>
    public static void MatchesModel<TKey, TVal, TTime, TDiff>(
        INavigableTrace<TKey, TVal, TTime, TDiff> trace,
        ReferenceTrace<TKey, TVal, TTime, TDiff> model,
        IReadOnlyCollection<TKey> probeKeys,
        bool exact,
        Antichain<TTime> frontier,
        IReadOnlyList<TTime> probeTimes)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
            IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(probeKeys);
        List<(TKey Key, List<Update<TKey, TVal, TTime, TDiff>> Updates)> walked = Walk(trace.GetCursor());

        var byKey = new SortedDictionary<TKey, List<Update<TKey, TVal, TTime, TDiff>>>(
            Comparer<TKey>.Create(static (a, b) => Ordering.Compare(a, b)));
        foreach (var (key, updates) in walked)
        {
            byKey.Add(key, updates);
        }

        foreach (TKey key in probeKeys)
        {
            List<Update<TKey, TVal, TTime, TDiff>> updates = byKey.TryGetValue(key, out var found) ? found : [];
            TraceChecker.CompareWithModel($"The cursor at key {key}", model, key, updates, exact, frontier, probeTimes);
            byKey.Remove(key);
        }

        foreach (var (key, updates) in byKey)
        {
            throw new ConformanceException(
                $"The cursor visits key {key}, which was never added, with {UpdateText.List(updates)}.");
        }

        CheckSeeks(trace.GetCursor(), walked, probeKeys);
    }

    /// <summary>Walks a fresh cursor to its end, checking the order promises, and returns what it visited.</summary>
    private static List<(TKey Key, List<Update<TKey, TVal, TTime, TDiff>> Updates)> Walk<TKey, TVal, TTime, TDiff>(
        ITraceCursor<TKey, TVal, TTime, TDiff> cursor)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
            IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        var walked = new List<(TKey, List<Update<TKey, TVal, TTime, TDiff>>)>();
        for (; cursor.KeyValid; cursor.StepKey())
        {
            TKey key = cursor.Key;
            if (walked.Count > 0 && Ordering.Compare(walked[^1].Item1, key) >= 0)
            {
                throw new ConformanceException($"The cursor visits key {walked[^1].Item1} before key {key}: keys must ascend strictly.");
            }

            var updates = new List<Update<TKey, TVal, TTime, TDiff>>();
            for (; cursor.ValValid; cursor.StepVal())
            {
                TVal val = cursor.Val;
                if (updates.Count > 0 && Ordering.Compare(updates[^1].Val, val) >= 0)
                {
                    throw new ConformanceException(
                        $"The cursor visits value {updates[^1].Val} before value {val} of key {key}: values must ascend strictly.");
                }

                CheckHistory(cursor.History, key, val, updates);
            }

            if (updates.Count == 0)
            {
                throw new ConformanceException($"The cursor visits key {key}, which has no values: it must skip keys whose histories are empty.");
            }

            walked.Add((key, updates));
        }

        return walked;
    }

    /// <summary>Checks one history's promises and appends it to <paramref name="updates"/> as updates.</summary>
    private static void CheckHistory<TKey, TVal, TTime, TDiff>(
        ReadOnlySpan<(TTime Time, TDiff Diff)> history, TKey key, TVal val, List<Update<TKey, TVal, TTime, TDiff>> updates)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
            IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        if (history.IsEmpty)
        {
            throw new ConformanceException($"The cursor visits value {val} of key {key} with an empty history: it must skip it.");
        }

        for (int i = 0; i < history.Length; i++)
        {
            var (time, diff) = history[i];
            if (diff == TDiff.AdditiveIdentity)
            {
                throw new ConformanceException($"The cursor's history of ({key}, {val}) has a zero diff at time {time}.");
            }

            if (i > 0 && history[i - 1].Time.CompareTo(time) >= 0)
            {
                throw new ConformanceException(
                    $"The cursor's history of ({key}, {val}) has time {history[i - 1].Time} before time {time}: " +
                    "times must ascend strictly (consolidated).");
            }

            updates.Add(new Update<TKey, TVal, TTime, TDiff>(key, val, time, diff));
        }
    }

    /// <summary>Checks seeks on a fresh cursor against the walk.</summary>
    private static void CheckSeeks<TKey, TVal, TTime, TDiff>(
        ITraceCursor<TKey, TVal, TTime, TDiff> cursor,
        List<(TKey Key, List<Update<TKey, TVal, TTime, TDiff>> Updates)> walked,
        IReadOnlyCollection<TKey> probeKeys)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
            IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        int next = 0;
        foreach (TKey probe in probeKeys)
        {
            while (next < walked.Count && Ordering.Compare(walked[next].Key, probe) < 0)
            {
                next++;
            }

            cursor.SeekKey(probe);
            if (next == walked.Count)
            {
                if (cursor.KeyValid)
                {
                    throw new ConformanceException($"SeekKey({probe}) lands on key {cursor.Key}, but no key at or after it has updates.");
                }

                continue;
            }

            if (!cursor.KeyValid || Ordering.Compare(cursor.Key, walked[next].Key) != 0)
            {
                throw new ConformanceException(
                    $"SeekKey({probe}) lands on {(cursor.KeyValid ? $"key {cursor.Key}" : "no key")}, but the first key at or " +
                    $"after it is {walked[next].Key}.");
            }

            if (Ordering.Compare(walked[next].Key, probe) == 0)
            {
                CheckValueSeeks(cursor, walked[next].Key, walked[next].Updates);
            }
        }

        if (walked.Count == 0)
        {
            return;
        }

        TKey last = walked[^1].Key;
        cursor.RewindKeys();
        cursor.SeekKey(last);
        cursor.SeekKey(walked[0].Key);
        if (!cursor.KeyValid || Ordering.Compare(cursor.Key, last) != 0)
        {
            throw new ConformanceException($"SeekKey({walked[0].Key}) after SeekKey({last}) moved the cursor back: seeks only move forward.");
        }

        cursor.RewindKeys();
        if (!cursor.KeyValid || Ordering.Compare(cursor.Key, walked[0].Key) != 0)
        {
            throw new ConformanceException($"RewindKeys() does not return to the first key, {walked[0].Key}.");
        }
    }

    /// <summary>Seeks every value of the current key in order, steps past the last, and seeks the key again.</summary>
    private static void CheckValueSeeks<TKey, TVal, TTime, TDiff>(
        ITraceCursor<TKey, TVal, TTime, TDiff> cursor, TKey key, List<Update<TKey, TVal, TTime, TDiff>> updates)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
        where TDiff : IAdditionOperators<TDiff, TDiff, TDiff>, IAdditiveIdentity<TDiff, TDiff>,
            IUnaryNegationOperators<TDiff, TDiff>, IEqualityOperators<TDiff, TDiff, bool>
    {
        TVal first = updates[0].Val;
        for (int i = 0; i < updates.Count; i++)
        {
            if (i > 0 && Ordering.Compare(updates[i - 1].Val, updates[i].Val) == 0)
            {
                continue;
            }

            TVal val = updates[i].Val;
            cursor.SeekVal(val);
            if (!cursor.ValValid || Ordering.Compare(cursor.Val, val) != 0)
            {
                throw new ConformanceException(
                    $"SeekVal({val}) at key {key} lands on {(cursor.ValValid ? $"value {cursor.Val}" : "no value")}, but the key has it.");
            }

            var seen = new List<Update<TKey, TVal, TTime, TDiff>>();
            CheckHistory(cursor.History, key, val, seen);
            List<Update<TKey, TVal, TTime, TDiff>> walked = [.. updates.Where(u => Ordering.Compare(u.Val, val) == 0)];
            if (!seen.SequenceEqual(walked))
            {
                throw new ConformanceException(
                    $"After SeekVal({val}) at key {key} the history is {UpdateText.List(seen)}, but walking gave " +
                    $"{UpdateText.List(walked)}.");
            }
        }

        cursor.SeekVal(first);
        cursor.StepVal();
        while (cursor.ValValid)
        {
            cursor.StepVal();
        }

        cursor.RewindVals();
        if (!cursor.ValValid || Ordering.Compare(cursor.Val, first) != 0)
        {
            throw new ConformanceException($"RewindVals() at key {key} does not return to its first value, {first}.");
        }

        while (cursor.ValValid)
        {
            cursor.StepVal();
        }

        cursor.SeekKey(key);
        if (!cursor.KeyValid || Ordering.Compare(cursor.Key, key) != 0 || !cursor.ValValid || Ordering.Compare(cursor.Val, first) != 0)
        {
            throw new ConformanceException(
                $"SeekKey({key}) after stepping past the last value of key {key} must stay at the key and start its values " +
                $"over at {first}.");
        }
    }
}
