namespace Traces.Conformance;

/// <summary>
/// A model-based random run of a trace: random batches, compactions and bad input applied to a trace and to the
/// reference model, with the two compared after every step. <see cref="ModelRun"/> draws, seeds and shrinks them.
/// </summary>
/// <remarks>
/// <para>
/// The batches go through one buffer that the run clears and refills after every <c>Add</c>, as real callers reuse
/// theirs, so a trace that keeps the caller's list instead of its contents is caught. Bad input is rejected and the run
/// goes on: the model never sees the rejected call, and every later comparison would expose state the rejected call
/// left behind (a frontier stored before it was checked, updates buffered before the batch failed).
/// </para>
/// <para>
/// Every operation is also written to the <see cref="RunLog"/> as a statement on <see cref="TwinTraces{TKey, TVal, TTime}"/>,
/// so a shrunk failure prints as a test.
/// </para>
/// </remarks>
public static class RandomRun
{
    /// <summary>
    /// Runs <paramref name="sequences"/> seeded random runs of <paramref name="family"/> against fresh traces (see
    /// <see cref="ModelRun.Check"/>); throws a <see cref="ConformanceException"/> with the shrunk failure.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <param name="family">The family's name, which also chooses its seeds.</param>
    /// <param name="createTrace">Creates the trace under test.</param>
    /// <param name="domain">How keys, values and times are drawn.</param>
    /// <param name="shape">The workload's sizes.</param>
    /// <param name="sequences">How many runs an ordinary test run tries.</param>
    public static void Check<TKey, TVal, TTime>(
        string family,
        Func<ITrace<TKey, TVal, TTime, long>> createTrace,
        Domain<TKey, TVal, TTime> domain,
        WorkloadShape shape,
        int sequences)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
    {
        ArgumentNullException.ThrowIfNull(createTrace);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(shape);
        ModelRun.Check(family, (choices, log) => Execute(createTrace, domain, shape, choices, log), sequences, shape.MaxChoices);
    }

    /// <summary>Runs one random run against a fresh trace; throws on the first disagreement with the model.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <param name="createTrace">Creates the trace under test.</param>
    /// <param name="domain">How keys, values and times are drawn.</param>
    /// <param name="shape">The workload's sizes.</param>
    /// <param name="choices">Where every decision comes from.</param>
    /// <param name="log">Where each operation is written as a statement.</param>
    public static void Execute<TKey, TVal, TTime>(
        Func<ITrace<TKey, TVal, TTime, long>> createTrace,
        Domain<TKey, TVal, TTime> domain,
        WorkloadShape shape,
        Choices choices,
        RunLog log)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
    {
        ArgumentNullException.ThrowIfNull(createTrace);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(log);

        var generator = new WorkloadGenerator<TKey, TVal, TTime>(domain, shape, choices);
        var trace = createTrace();
        var model = new ReferenceTrace<TKey, TVal, TTime, long>();
        TKey[] absentKeys = [domain.Key(shape.Keys), domain.Key(shape.Keys + 1)];
        TTime[] probeTimes = [generator.NextTime(), generator.NextTime(), generator.NextTime()];
        var batch = new List<Update<TKey, TVal, TTime, long>>();
        WriteHeader(log, trace, absentKeys, probeTimes);

        #region step-loop
        for (int step = 1; step <= shape.Steps && !choices.Exhausted; step++)
        {
            int roll = choices.Next(100);
            if (roll < 68)
            {
                // One buffer for every batch: refilled here, after the trace has had the last one.
                generator.NextBatch(batch);
                log.Write($"batch.Clear(); batch.AddRange({CodeText.List(batch)}); twin.Add(batch);");
                Apply(step, "Add", () => trace.Add(batch));
                model.Add(batch);
            }
            else if (roll < 86)
            {
                var frontier = generator.NextFrontier(model.Frontier);
                log.Write($"twin.AdvanceBy({CodeText.Items(frontier.Elements)});");
                Apply(step, "AdvanceBy", () => trace.AdvanceBy(frontier));
                model.AdvanceBy(frontier);
            }
            else
            {
                // Rejected: the model never sees it, and the run goes on.
                ApplyBadInput(step, trace, model, generator, log);
            }

            // The cursor is walked and sought on every third step and the last: a cursor bug that
            // persists shows up within three steps, and the walk costs more than the Get checks.
            bool cursor = step % 3 == 0 || step == shape.Steps || choices.Exhausted;
            log.Write($"Verify({(cursor ? "" : "cursor: false")});");
            Apply(step, "the check after it", () =>
                TraceChecker.MatchesModel(trace, model, absentKeys, probeTimes, cursor));
        }
        #endregion
    }

    /// <summary>Yields <paramref name="batch"/> and then fails, as a batch whose source breaks part way through does.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TVal">The value type.</typeparam>
    /// <typeparam name="TTime">The time type.</typeparam>
    /// <param name="batch">The updates to yield before failing.</param>
    /// <exception cref="InvalidOperationException">Always, once <paramref name="batch"/> is yielded.</exception>
    public static IEnumerable<Update<TKey, TVal, TTime, long>> FailingAfter<TKey, TVal, TTime>(IEnumerable<Update<TKey, TVal, TTime, long>> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Iterate(batch);

        static IEnumerable<Update<TKey, TVal, TTime, long>> Iterate(IEnumerable<Update<TKey, TVal, TTime, long>> batch)
        {
            foreach (var update in batch)
            {
                yield return update;
            }

            throw new InvalidOperationException("The batch's source failed part way through.");
        }
    }

    private static void WriteHeader<TKey, TVal, TTime>(RunLog log, ITrace<TKey, TVal, TTime, long> trace, TKey[] absentKeys, TTime[] probeTimes)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
    {
        log.Write($"var twin = new TwinTraces<{TypeArguments<TKey, TVal, TTime>()}>(new {CodeText.TypeName(trace.GetType())}());");
        log.Write($"var batch = new List<Update<{TypeArguments<TKey, TVal, TTime>()}, long>>();");
        log.Write($"void Verify(bool cursor = true) => twin.Verify({CodeText.Items<TKey>(absentKeys)}, {CodeText.Items<TTime>(probeTimes)}, cursor);");
    }

    private static void ApplyBadInput<TKey, TVal, TTime>(
        int step,
        ITrace<TKey, TVal, TTime, long> trace,
        ReferenceTrace<TKey, TVal, TTime, long> model,
        WorkloadGenerator<TKey, TVal, TTime> generator,
        RunLog log)
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
        where TTime : ILattice<TTime>
    {
        var bad = new List<Update<TKey, TVal, TTime, long>>();
        switch (generator.Choices.Next(4))
        {
            case 0:
                log.Write("Assert.Throws<ArgumentNullException>(() => twin.Trace.Add(null!));");
                ExpectThrows<ArgumentNullException>(step, "Add(null)", () => trace.Add(null!));
                break;
            case 1 when !typeof(TKey).IsValueType:
                generator.NextBatch(bad);
                bad.Insert(generator.Choices.Next(bad.Count + 1), new(default!, default!, generator.NextTime(), 1));
                log.Write($"Assert.Throws<ArgumentException>(() => twin.Trace.Add({CodeText.List(bad)}));");
                ExpectThrows<ArgumentException>(step, "Add of a batch with a null key", () => trace.Add(bad));
                break;
            case 1:
            case 2:
                generator.NextBatch(bad);
                log.Write($"Assert.Throws<InvalidOperationException>(() => twin.Trace.Add(RandomRun.FailingAfter<{TypeArguments<TKey, TVal, TTime>()}>({CodeText.List(bad)})));");
                ExpectThrows<InvalidOperationException>(step, "Add of a batch whose source fails", () => trace.Add(FailingAfter(bad)));
                break;
            default:
                if (generator.NextRegressingFrontier(model.Frontier) is { } backwards)
                {
                    log.Write($"Assert.Throws<ArgumentException>(() => twin.Trace.AdvanceBy({CodeText.Items(backwards.Elements)}));");
                    ExpectThrows<ArgumentException>(step, $"AdvanceBy({backwards}) after {model.Frontier}", () => trace.AdvanceBy(backwards));
                }
                else
                {
                    log.Write("Assert.Throws<ArgumentNullException>(() => twin.Trace.AdvanceBy(null!));");
                    ExpectThrows<ArgumentNullException>(step, "AdvanceBy(null)", () => trace.AdvanceBy(null!));
                }

                break;
        }
    }

    // "TKey, TVal, TTime" as C# source, for the statements the log prints.
    private static string TypeArguments<TKey, TVal, TTime>() =>
        $"{CodeText.TypeName(typeof(TKey))}, {CodeText.TypeName(typeof(TVal))}, {CodeText.TypeName(typeof(TTime))}";

    private static void Apply(int step, string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception failure) when (failure is not OutOfMemoryException and not ConformanceException)
        {
            throw new ConformanceException($"Step {step}: {what} threw {failure.GetType().Name}: {failure.Message}", failure);
        }
        catch (ConformanceException failure)
        {
            throw new ConformanceException($"Step {step}: {failure.Message}", failure);
        }
    }

    private static void ExpectThrows<TException>(int step, string what, Action action)
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
        catch (Exception other) when (other is not OutOfMemoryException)
        {
            throw new ConformanceException(
                $"Step {step}: {what} should throw {typeof(TException).Name} but threw {other.GetType().Name}: {other.Message}", other);
        }

        throw new ConformanceException($"Step {step}: {what} should throw {typeof(TException).Name}, but nothing was thrown.");
    }
}
