using Exercises.Ch07;
using Traces;
using Traces.Conformance;
using Traces.OrdNeu;
using Batch = Traces.OrdNeu.OrdValBatch<long, long, Traces.Timestamp, long>;

namespace Exercises.Ch11;

#region conformance
/// <summary>The flat-batch trace against the whole conformance suite.</summary>
public sealed class FlatTraceConformance : TraceConformance
{
    protected override ITrace<TKey, TVal, TTime, TDiff> CreateTrace<TKey, TVal, TTime, TDiff>() =>
        new FlatTrace<TKey, TVal, TTime, TDiff>();
}
#endregion

#region idle-check
/// <summary>
/// The check for an exert policy of your own: subclass it, return your policy, and run <c>dotnet
/// test</c>. A spine fed 300 small batches then left idle must come down to one batch within four
/// calls to <c>Exert</c>, keep every update, and then ask for no more work.
/// </summary>
public abstract class IdleSpineCheck
{
    protected abstract Func<IReadOnlyList<SpineLevelSummary>, long?> Policy { get; }
#endregion

    [Fact]
    [Trait("Part", "exercises")]
    public void An_idle_spine_comes_down_to_one_batch_and_then_rests()
    {
        var random = new Random(111);
        var spine = new Spine<Batch, Timestamp>();
        var all = new List<Update<long, long, Timestamp, long>>();
        for (ulong i = 0; i < 300; i++)
        {
            var updates = TestBatches.Random(random, random.Next(1, 20), 100, i, i + 1);
            all.AddRange(updates);
            spine.Insert(TestBatches.Build(updates, i, i + 1));
            spine.SetPhysicalCompaction([i + 1]);
        }

        spine.Batches().Count.Should().BeGreaterThan(1);
        spine.ExertLogic = Policy;
        for (int call = 0; call < 4 && spine.Batches().Count > 1; call++)
        {
            spine.Exert();
        }

        spine.Batches().Should().HaveCount(1);
        TestBatches.Read(spine.Batches()[0]).Should().Equal(Consolidated(all));
        long effort = spine.FueledEffort + spine.ForcedEffort;
        spine.Exert();
        (spine.FueledEffort + spine.ForcedEffort).Should().Be(effort, "a compact spine asks for no work");
        spine.Batches().Should().HaveCount(1);
    }

    private static List<Update<long, long, Timestamp, long>> Consolidated(List<Update<long, long, Timestamp, long>> all)
    {
        Consolidation.Consolidate(all);
        return all;
    }
}

/// <summary>The idle check against the worked answer.</summary>
public sealed class IdleSpineAnswer : IdleSpineCheck
{
    protected override Func<IReadOnlyList<SpineLevelSummary>, long?> Policy => IdleSpine.CompactToOne;
}

public sealed class IdleSpineCheckCatches
{
    // The policy of the spine's own tests: 64 units a call, which needs many calls on an idle
    // spine.
    private sealed class SixtyFour : IdleSpineCheck
    {
        protected override Func<IReadOnlyList<SpineLevelSummary>, long?> Policy =>
            levels => levels.Sum(level => level.Batches) > 1 ? 64 : null;
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void A_fixed_small_allowance_fails_the_check() =>
        FluentActions.Invoking(new SixtyFour().An_idle_spine_comes_down_to_one_batch_and_then_rests)
            .Should().Throw<Exception>();
}
