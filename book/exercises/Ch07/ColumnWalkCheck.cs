using Traces;
using Traces.OrdNeu;

namespace Exercises.Ch07;

#region check
/// <summary>
/// The check for a column walk of your own: subclass it, return the logical updates your walk reads
/// from the storage, and run <c>dotnet test</c>. Each batch must read back as the consolidation of
/// its input: random data, a snapshot (one stored pair for everything) and a singleton after a key
/// boundary.
/// </summary>
public abstract class ColumnWalkCheck
{
    protected abstract IEnumerable<Update<long, long, Timestamp, long>> Walk(
        OrdValStorage<long, long, Timestamp, long,
            ArrayContainer<long>, ArrayContainer<long>> storage);
#endregion

    [Theory]
    [Trait("Part", "exercises")]
    [InlineData(71)]
    [InlineData(72)]
    [InlineData(73)]
    public void A_random_batch_reads_back_as_its_consolidated_input(int seed)
    {
        var updates = TestBatches.Random(new Random(seed), 400, 50, 0, 4);
        Expect(updates);
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void A_snapshot_reads_back_every_update_from_one_stored_pair()
    {
        var updates = new List<Update<long, long, Timestamp, long>>();
        for (long key = 0; key < 100; key++)
        {
            updates.Add(new(key, 10, 0, 1));
            updates.Add(new(key, 20, 0, 1));
        }

        TestBatches.Build(updates, 0, 1).Storage.StoredUpdateCount.Should().Be(1);
        Expect(updates);
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void A_singleton_after_a_key_boundary_reads_the_pair_of_the_key_before()
    {
        Expect([new(1, 10, 3, -1), new(1, 10, 1, 1), new(2, 5, 3, -1)]);
    }

    private void Expect(List<Update<long, long, Timestamp, long>> updates)
    {
        var batch = TestBatches.Build(updates, 0, 10);
        var expected = updates.ToList();
        Consolidation.Consolidate(expected);
        Walk(batch.Storage).Should().Equal(expected);
    }
}

/// <summary>The check against the worked answer.</summary>
public sealed class ColumnWalkAnswer : ColumnWalkCheck
{
    protected override IEnumerable<Update<long, long, Timestamp, long>> Walk(
        OrdValStorage<long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>> storage) =>
        ColumnWalk.Updates(storage);
}

public sealed class ColumnWalkCheckCatches
{
    // A walk that reads [ValsOffs[j], ValsOffs[j + 1]) and nothing else: it forgets the singleton
    // rule.
    private sealed class ForgetsSingletons : ColumnWalkCheck
    {
        protected override IEnumerable<Update<long, long, Timestamp, long>> Walk(
            OrdValStorage<long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>> storage)
        {
            for (int key = 0; key < storage.KeyCount; key++)
            {
                for (long val = storage.KeyOffsetAt(key); val < storage.KeyOffsetAt(key + 1); val++)
                {
                    for (long i = storage.ValOffsetAt((int)val); i < storage.ValOffsetAt((int)val + 1); i++)
                    {
                        var (time, diff) = storage.StoredUpdateAt((int)i);
                        yield return new(storage.KeyAt(key), storage.ValAt((int)val), time, diff);
                    }
                }
            }
        }
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void A_walk_that_ignores_repeated_offsets_fails_the_check()
    {
        var wrong = new ForgetsSingletons();
        FluentActions.Invoking(wrong.A_snapshot_reads_back_every_update_from_one_stored_pair)
            .Should().Throw<Exception>();
        FluentActions.Invoking(wrong.A_singleton_after_a_key_boundary_reads_the_pair_of_the_key_before)
            .Should().Throw<Exception>();
    }
}
