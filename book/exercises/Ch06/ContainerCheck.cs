using Traces;
using Traces.OrdNeu;

namespace Exercises.Ch06;

#region check
/// <summary>
/// The check for a container of your own: subclass it, name the container and how to make the item
/// of a given rank, and run <c>dotnet test</c>. It holds the container to the contract the batches
/// rely on, then keys a real batch with it, merges two such batches with fuel 1 and reads them
/// back.
/// </summary>
/// <typeparam name="TContainer">Your container.</typeparam> <typeparam name="TItem">Its item
/// type.</typeparam>
public abstract class ContainerCheck<TContainer, TItem>
    where TContainer : struct, IBatchContainer<TContainer, TItem>
    where TItem : IComparable<TItem>
{
    /// <summary>The item of rank <paramref name="rank"/>: a greater rank is a greater
    /// item.</summary>
    protected abstract TItem Item(int rank);

    // The facts that follow push, compare, copy, read bad indexes, build, merge and read a batch.
#endregion

    private const int Ranks = 200;

    private TContainer Fill(Random random, int count, List<int> ranks)
    {
        var container = TContainer.WithCapacity(count / 2); // it must grow on its own
        for (int i = 0; i < count; i++)
        {
            int rank = random.Next(Ranks);
            ranks.Add(rank);
            container.Push(Item(rank));
        }

        return container;
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void Items_read_back_in_the_order_pushed()
    {
        var ranks = new List<int>();
        var container = Fill(new Random(6), 500, ranks);
        container.Count.Should().Be(500);
        for (int i = 0; i < ranks.Count; i++)
        {
            Ordering.Compare(container.Index(i), Item(ranks[i])).Should().Be(0, "item {0}", i);
        }
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void Comparisons_in_place_agree_with_the_items_order()
    {
        var random = new Random(61);
        var ranks = new List<int>();
        var otherRanks = new List<int>();
        var container = Fill(random, 300, ranks);
        var other = Fill(random, 300, otherRanks);
        for (int i = 0; i < ranks.Count; i++)
        {
            int rank = random.Next(Ranks);
            Math.Sign(container.CompareAt(i, Item(rank))).Should().Be(ranks[i].CompareTo(rank));
            Math.Sign(container.CompareAt(i, other, i)).Should().Be(ranks[i].CompareTo(otherRanks[i]));
            Math.Sign(Ordering.Compare(Item(ranks[i]), Item(rank))).Should().Be(
                ranks[i].CompareTo(rank), "Item(rank) must grow with the rank, in Ordering.Compare's order");
        }
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void PushFrom_copies_and_merge_capacity_starts_empty()
    {
        var ranks = new List<int>();
        var source = Fill(new Random(62), 100, ranks);
        var copy = TContainer.MergeCapacity(source, source);
        copy.Count.Should().Be(0);
        for (int i = ranks.Count - 1; i >= 0; i--)
        {
            copy.PushFrom(source, i);
        }

        copy.TrimExcess();
        copy.Count.Should().Be(100);
        for (int i = 0; i < 100; i++)
        {
            copy.CompareAt(i, source, 99 - i).Should().Be(0);
        }
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void A_bad_index_throws_and_changes_nothing()
    {
        var ranks = new List<int>();
        var container = Fill(new Random(63), 10, ranks);
        var item = Item(0);
        var other = container;
        foreach (int bad in new[] { -1, 10, int.MaxValue, int.MinValue })
        {
            FluentActions.Invoking(() => container.Index(bad)).Should().Throw<ArgumentOutOfRangeException>();
            FluentActions.Invoking(() => container.CompareAt(bad, item))
                .Should().Throw<ArgumentOutOfRangeException>();
            FluentActions.Invoking(() => container.CompareAt(0, other, bad))
                .Should().Throw<ArgumentOutOfRangeException>();
        }

        container.Count.Should().Be(10);
    }

    [Fact]
    [Trait("Part", "exercises")]
    public void A_batch_keyed_by_the_container_merges_and_reads_back()
    {
        var random = new Random(64);
        var all = new List<Update<TItem, long, Timestamp, long>>();
        var older = Build(random, all, 0, 5);
        var newer = Build(random, all, 5, 10);
        var merger = OrdValBatch<TItem, long, Timestamp, long, TContainer, ArrayContainer<long>>.BeginMerge(older, newer, Antichain<Timestamp>.AtMinimum());
        long fuel = 0;
        while (fuel <= 0)
        {
            fuel = 1;
            merger.Work(older, newer, ref fuel);
        }

        var read = new List<Update<TItem, long, Timestamp, long>>();
        var cursor = merger.Done().GetCursor();
        for (; cursor.KeyValid; cursor.StepKey())
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                var (key, val) = (cursor.Key, cursor.Val);
                cursor.MapTimes((time, diff) => read.Add(new(key, val, time, diff)));
            }
        }

        Consolidation.Consolidate(all);
        read.Should().Equal(all);
    }

    private OrdValBatch<TItem, long, Timestamp, long, TContainer, ArrayContainer<long>> Build(Random random, List<Update<TItem, long, Timestamp, long>> all, ulong lower, ulong upper)
    {
        var updates = new List<Update<TItem, long, Timestamp, long>>();
        for (int i = 0; i < 300; i++)
        {
            var time = (ulong)random.Next((int)lower, (int)upper);
            updates.Add(new(Item(random.Next(Ranks)), random.Next(3), time, random.Next(2) == 0 ? 1 : -1));
        }

        all.AddRange(updates);
        Consolidation.Consolidate(updates);
        int keys = 0, vals = 0;
        for (int i = 0; i < updates.Count; i++)
        {
            bool newKey = i == 0 || Ordering.Compare(updates[i].Key, updates[i - 1].Key) != 0;
            keys += newKey ? 1 : 0;
            vals += newKey || updates[i].Val != updates[i - 1].Val ? 1 : 0;
        }

        var builder = OrdValBatch<TItem, long, Timestamp, long, TContainer, ArrayContainer<long>>.CreateBuilder(keys, vals, updates.Count);
        foreach (var update in updates)
        {
            builder.Push(update);
        }

        return builder.Done(new Description<Timestamp>([lower], [upper], Antichain<Timestamp>.AtMinimum()));
    }
}

