using Traces;

namespace Exercises.Ch03;

/// <summary>
/// The check for a range query of your own over part 2's lists: every range of a few random stacks of lists,
/// against consolidating all their updates and keeping the keys in range. Subclass it and call your scan.
/// </summary>
public abstract class RangeScanCheck
{
    /// <summary>Returns the consolidated updates of the keys in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <param name="lists">Sorted, consolidated lists.</param>
    /// <param name="from">The first key of the range.</param>
    /// <param name="to">The first key past the range.</param>
    protected abstract IReadOnlyList<Update<long, long, Timestamp, long>> Scan(
        IReadOnlyList<Update<long, long, Timestamp, long>[]> lists, long from, long to);

    /// <summary>Stacks of one to five lists over keys 0 to 19, every range from -1 to 21.</summary>
    [Fact]
    public void Every_range_holds_what_consolidating_everything_holds()
    {
        var random = new Random(1);
        for (int stack = 0; stack < 20; stack++)
        {
            var lists = new List<Update<long, long, Timestamp, long>[]>();
            for (int l = random.Next(1, 6); l > 0; l--)
            {
                var list = new Update<long, long, Timestamp, long>[random.Next(0, 40)];
                for (int i = 0; i < list.Length; i++)
                {
                    list[i] = new(random.Next(20), random.Next(3), (ulong)random.Next(3), random.Next(2) * 2 - 1);
                }

                lists.Add(list[..Consolidation.Consolidate<long, long, Timestamp, long>(list)]);
            }

            for (long from = -1; from <= 21; from++)
            {
                for (long to = from - 1; to <= 21; to++)
                {
                    Scan(lists, from, to).Should().Equal(Expected(lists, from, to), $"stack {stack}, [{from}, {to})");
                }
            }
        }
    }

    /// <summary>A large list says +1 and a small one not yet merged with it says -1: the key is gone.</summary>
    [Fact]
    public void A_key_that_cancels_across_lists_is_not_in_the_range()
    {
        Update<long, long, Timestamp, long>[] large = [new(4, 0, 0, 1), new(5, 0, 0, 1), new(6, 0, 0, 1)];
        Update<long, long, Timestamp, long>[] small = [new(5, 0, 0, -1)];
        Scan([large, small], 0, 10).Should().Equal(large[0], large[2]);
    }

    private static List<Update<long, long, Timestamp, long>> Expected(
        List<Update<long, long, Timestamp, long>[]> lists, long from, long to)
    {
        var all = lists.SelectMany(static l => l).Where(u => u.Key >= from && u.Key < to).ToList();
        Consolidation.Consolidate(all);
        return all;
    }
}
