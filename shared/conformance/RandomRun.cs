using System.Text;

namespace Traces.Conformance;

/// <summary>
/// A seeded, model-based random run: random batches, compactions and bad input applied to a trace and to the
/// reference model, with the two compared after every step.
/// </summary>
/// <remarks>
/// Checking after every step means the first failure ends the shortest failing prefix of operations; the failure
/// message prints the seed and that prefix, so a failing run can be replayed and read.
/// </remarks>
public static class RandomRun
{
    /// <summary>Runs one seeded random run against a fresh trace; throws <see cref="ConformanceException"/> on the first disagreement.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <param name="createTrace">Creates the trace under test.</param>
    /// <param name="domain">How keys, values and times are drawn.</param>
    /// <param name="shape">The workload's sizes.</param>
    /// <param name="seed">The seed.</param>
    public static void Execute<TKey, TVal, TTime>(
        Func<ITrace<TKey, TVal, TTime, long>> createTrace,
        Domain<TKey, TVal, TTime> domain,
        WorkloadShape shape,
        int seed)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
    {
        ArgumentNullException.ThrowIfNull(createTrace);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(shape);

        var generator = new WorkloadGenerator<TKey, TVal, TTime>(domain, shape, seed);
        var trace = createTrace();
        var model = new ReferenceTrace<TKey, TVal, TTime, long>();
        TKey[] absentKeys = [domain.Key(shape.Keys), domain.Key(shape.Keys + 1)];
        TTime[] probeTimes = [generator.NextTime(), generator.NextTime(), generator.NextTime()];
        var log = new List<string>();
        bool keysCanBeNull = !typeof(TKey).IsValueType;

        #region step-loop
        for (int step = 0; step < shape.Steps; step++)
        {
            int roll = generator.Random.Next(100);
            try
            {
                if (roll < 68)
                {
                    var batch = generator.NextBatch();
                    log.Add($"Add {TraceChecker.Describe(batch)}");
                    trace.Add(batch);
                    model.Add(batch);
                }
                else if (roll < 86)
                {
                    var frontier = generator.NextFrontier(model.Frontier);
                    log.Add($"AdvanceBy {frontier}");
                    trace.AdvanceBy(frontier);
                    model.AdvanceBy(frontier);
                }
                else
                {
                    ApplyBadInput(trace, model, generator, keysCanBeNull, log);
                }

                TraceChecker.MatchesModel(trace, model, absentKeys, probeTimes);
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                throw new ConformanceException(Report(seed, log, failure), failure);
            }
        }
        #endregion
    }

    private static void ApplyBadInput<TKey, TVal, TTime>(
        ITrace<TKey, TVal, TTime, long> trace,
        ReferenceTrace<TKey, TVal, TTime, long> model,
        WorkloadGenerator<TKey, TVal, TTime> generator,
        bool keysCanBeNull,
        List<string> log)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
    {
        switch (generator.Random.Next(4))
        {
            case 0:
                log.Add("Add null (expect ArgumentNullException, no change)");
                ExpectThrows<ArgumentNullException>(() => trace.Add(null!));
                break;
            case 1 when keysCanBeNull:
            {
                var batch = generator.NextBatch();
                batch.Insert(generator.Random.Next(batch.Count + 1), new Update<TKey, TVal, TTime, long>(default!, default!, generator.NextTime(), 1));
                log.Add($"Add with a null key {TraceChecker.Describe(batch)} (expect ArgumentException, no change)");
                ExpectThrows<ArgumentException>(() => trace.Add(batch));
                break;
            }

            case 2:
            {
                var batch = generator.NextBatch();
                log.Add($"Add a batch whose enumeration fails after {batch.Count} updates (expect the failure, no change)");
                ExpectThrows<InvalidOperationException>(() => trace.Add(FailingAfter(batch)));
                break;
            }

            default:
            {
                // Any frontier the current one is not less than or equal to goes backwards.
                Antichain<TTime> current = model.Frontier;
                Antichain<TTime> backwards = Antichain<TTime>.AtMinimum();
                if (current.LessEqual(backwards))
                {
                    log.Add("AdvanceBy null (expect ArgumentNullException, no change)");
                    ExpectThrows<ArgumentNullException>(() => trace.AdvanceBy(null!));
                }
                else
                {
                    log.Add($"AdvanceBy {backwards} after {current} (expect ArgumentException, no change)");
                    ExpectThrows<ArgumentException>(() => trace.AdvanceBy(backwards));
                }

                break;
            }
        }
    }

    private static IEnumerable<Update<TKey, TVal, TTime, long>> FailingAfter<TKey, TVal, TTime>(List<Update<TKey, TVal, TTime, long>> batch)
    {
        foreach (var update in batch)
        {
            yield return update;
        }

        throw new InvalidOperationException("The batch's source failed part way through.");
    }

    private static void ExpectThrows<TException>(Action action)
        where TException : Exception
    {
        try
        {
            action();
        }
        catch (TException)
        {
            return;
        }
        catch (Exception other)
        {
            throw new ConformanceException($"Expected {typeof(TException).Name} but got {other.GetType().Name}: {other.Message}", other);
        }

        throw new ConformanceException($"Expected {typeof(TException).Name}, but nothing was thrown.");
    }

    private static string Report(int seed, List<string> log, Exception failure)
    {
        var text = new StringBuilder();
        text.AppendLine($"Random run with seed {seed} failed at step {log.Count}: {failure.Message}");
        text.AppendLine($"Shortest failing prefix ({log.Count} operation{(log.Count == 1 ? "" : "s")}):");
        for (int i = 0; i < log.Count; i++)
        {
            text.Append("  ").Append(i + 1).Append(". ").AppendLine(log[i]);
        }

        return text.ToString();
    }
}
