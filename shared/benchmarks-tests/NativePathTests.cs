using Traces.Benchmarks;
using Traces.Index;
using Traces.Junctions;

namespace Traces.Benchmarks.Tests;

[Trait("Part", "benchmarks")]
public sealed class NativePathTests
{
    private const int Seed = 20_251_121;

    private static Update<long, long, Timestamp, long>[] Snapshot(int keys, int vals) => WorkloadData.ShuffledUpdates<long>(new Shape(keys, vals));

    [Fact]
    public void Part4_native_lookup_sums_the_same_diffs_for_random_sorted_and_repeated_keys()
    {
        var trace = new IndexedTrace<long, long, Timestamp, long>();
        var updates = Snapshot(300, 3);
        trace.Add(updates);
        var reference = new TraceSubject<long>(trace);
        var random = new Random(Seed);
        long[] keys = [.. Enumerable.Range(0, 200).Select(_ => updates[random.Next(updates.Length)].Key), -5, long.MaxValue];
        long[] sorted = [.. keys.Order()];

        long expected = reference.LookupBatch(keys);
        expected.Should().Be(600, $"seed {Seed}: three values per present key");
        Part4Lookup.SumDiffs(trace, keys).Should().Be(expected, $"seed {Seed}");
        Part4Lookup.SumDiffs(trace, sorted).Should().Be(expected, $"seed {Seed}");
        keys.Should().NotBeInAscendingOrder("the random batch is copied before sorting, not sorted in place");
    }

    [Fact]
    public void The_batch_cursor_finds_what_the_trace_holds_in_any_key_order()
    {
        var updates = Snapshot(300, 3);
        var subject = new BatchCursorSubject();
        var reference = new DictionaryOfListsSubject<long>();
        foreach (var batch in WorkloadData.Batches(updates, 100, stampBatchIndex: false))
        {
            subject.Add(batch);
            reference.Add(batch);
        }

        subject.Invoking(s => s.LookupBatch([1])).Should().Throw<InvalidOperationException>("the batch is built when the load completes");
        subject.CompleteLoad();
        var random = new Random(Seed);
        long[] keys = [.. Enumerable.Range(0, 200).Select(_ => updates[random.Next(updates.Length)].Key), -5, updates[0].Key, long.MaxValue];
        long[] sorted = [.. keys.Order()];

        subject.LookupBatch(keys).Should().Be(reference.LookupBatch(keys), $"seed {Seed}");
        subject.LookupBatch(sorted).Should().Be(reference.LookupBatch(keys), $"seed {Seed}");
        subject.Lookup(updates[0].Key).Should().Be(3);
        subject.Invoking(s => s.Add(updates)).Should().Throw<InvalidOperationException>("the batch is sealed");
    }

    [Fact]
    public void The_part5_merger_outputs_what_the_merge_input_implies()
    {
        foreach (bool compacting in (bool[])[false, true])
        {
            var input = MergeInput.Create(1_000, compacting);
            var merge = Part5Batches.Merge(input);

            merge().Should().Be(input.ExpectedOutput);
            merge().Should().Be(input.ExpectedOutput, "each call merges the same two batches afresh");
        }
    }

    [Fact]
    public void The_lsm_store_keeps_its_entries_in_three_sealed_runs()
    {
        var entries = AddOnData.Entries(WorkloadSizes.Tiny.ScanEntries);

        var store = LsmScan.Load(entries);

        store.RunCount.Should().Be(LsmScan.Runs);
        store.FrozenCount.Should().Be(0);
        LsmScan.CountScan(store, AddOnData.ScanKey(0), AddOnData.ScanKey(entries.Length - 1)).Should().Be(entries.Length);
    }

    [Fact]
    public void Both_junction_backings_agree_with_the_hand_kept_pair()
    {
        var pairs = AddOnData.Pairs(50);
        IRelationSubject[] relations = [new JunctionRelation(Backings.InMemory), new JunctionRelation(Backings.Trace), new HandKeptRelation()];
        foreach (var relation in relations)
        {
            foreach (var (left, right) in pairs)
            {
                relation.Insert(left, right);
            }

            relation.Insert(pairs[0].Left, pairs[0].Right);
        }

        foreach (var relation in relations)
        {
            relation.Count.Should().Be(pairs.Length, "a repeated pair is held once");
            relation.Iterate().Should().Be(pairs.Length);
            for (int id = 0; id < 50; id++)
            {
                relation.CountRights(id).Should().Be(AddOnData.Fanout);
                relation.CountLefts(id).Should().Be(AddOnData.Fanout);
            }

            relation.CountRights(999).Should().Be(0);
        }
    }

    [Fact]
    public void The_memory_probe_moves_time_past_the_load_with_a_key_of_its_own()
    {
        Update<long, long, Timestamp, long>[][] batches = [[new(5, 0, 0UL, 1), new(9, 1, 3UL, 1)], [new(-2, 0, 1UL, 1)]];

        MemoryProbe.NextTimeStep(batches).Should().Be(new Update<long, long, Timestamp, long>(10, 0, 4UL, 1));
    }

    [Fact]
    public void A_lookup_only_subject_joins_the_lookup_workload_alone_and_its_name_is_checked()
    {
        var registry = new TraceRegistry()
            .Add("mine", () => new ThrowingTrace<long>())
            .AddLookup("mine-batch", () => new DictionaryOfListsSubject<long>());
        var catalog = new SubjectCatalog(registry);

        catalog.Names<long>(TraceWorkloads.Lookup).Should().Equal(["mine", "mine-batch", .. SubjectNames.Baselines]);
        catalog.Names<long>(TraceWorkloads.Memory).Should().Equal(["mine", .. SubjectNames.Baselines]);
        catalog.Create<long>("mine-batch").Should().BeOfType<DictionaryOfListsSubject<long>>();
        registry.Invoking(r => r.AddLookup("mine", () => new DictionaryOfListsSubject<long>())).Should().Throw<ArgumentException>().WithMessage("*already registered*");
        registry.Invoking(r => r.AddLookup("mine-batch", () => new DictionaryOfListsSubject<long>())).Should().Throw<ArgumentException>().WithMessage("*already registered*");
        registry.Invoking(r => r.AddLookup(SubjectNames.Dictionary, () => new DictionaryOfListsSubject<long>())).Should().Throw<ArgumentException>();
    }
}
