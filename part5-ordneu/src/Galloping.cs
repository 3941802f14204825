namespace Traces.OrdNeu;

/// <summary>A test on positions of a sorted container, true on a prefix and false after it.</summary>
public interface IPositionTest
{
    /// <summary>Returns whether the item at <paramref name="position"/> passes the test.</summary>
    /// <param name="position">A position.</param>
    bool Test(int position);
}

/// <summary>The galloping search every forward seek in part 5 uses.</summary>
public static class Galloping
{
    /// <summary>The number of positions scanned one by one before the search starts to gallop.</summary>
    public const int LinearPrefix = 8;

    #region advance
    /// <summary>
    /// Counts the leading positions of <c>[start, end)</c> that pass <paramref name="test"/>, which
    /// must be monotone: true on a prefix of the range, false on the rest.
    /// </summary>
    /// <typeparam name="TTest">The test, a struct so that it is called directly.</typeparam>
    /// <param name="start">The first position.</param>
    /// <param name="end">The position after the last.</param>
    /// <param name="test">The test.</param>
    /// <returns>The length of the passing prefix, in <c>[0, end - start]</c>.</returns>
    /// <remarks>
    /// Seeks are usually short (the next key is near), so the first <see cref="LinearPrefix"/>
    /// positions are tried in turn. Past them the search doubles its step until it overshoots, then
    /// halves it back down: a seek that skips <c>d</c> positions costs <c>O(log d)</c> tests, never
    /// <c>O(log n)</c> for a short hop.
    /// </remarks>
    public static int Advance<TTest>(int start, int end, ref TTest test)
        where TTest : struct, IPositionTest
    {
        #region gallop
        int length = end - start;
        int linear = Math.Min(length, LinearPrefix);
        for (int i = 0; i < linear; i++)
        {
            if (!test.Test(start + i))
            {
                return i;
            }
        }

        if (length == linear)
        {
            return length;
        }

        // Invariant: offset `passing` passes; offset `failing` fails or is the end of the range.
        int passing = linear - 1;
        int step = 1;
        while (passing + step < length && test.Test(start + passing + step))
        {
            passing += step;
            step <<= 1;
        }

        int failing = Math.Min(passing + step, length);
        while (failing - passing > 1)
        {
            int middle = passing + ((failing - passing) >> 1);
            if (test.Test(start + middle))
            {
                passing = middle;
            }
            else
            {
                failing = middle;
            }
        }

        return failing;
        #endregion
    }
    #endregion

    /// <summary>
    /// Counts the leading positions of <c>[start, end)</c> that pass <paramref name="test"/>, as
    /// <see cref="Advance{TTest}"/> does, by bisecting the range instead of galloping: for a seek that has no nearby
    /// position to start from.
    /// </summary>
    /// <typeparam name="TTest">The test, a struct so that it is called directly.</typeparam>
    /// <param name="start">The first position.</param>
    /// <param name="end">The position after the last.</param>
    /// <param name="test">The test, monotone: true on a prefix of the range, false on the rest.</param>
    /// <returns>The length of the passing prefix, in <c>[0, end - start]</c>.</returns>
    /// <remarks>
    /// Galloping pays off when the answer is near the start: its doubling steps find a far answer too, but at about
    /// twice the tests of a binary search over the whole range (measured on a million keys, a random seek from the
    /// first position took about twice as long galloping as bisecting). A cursor that stands at its first key (a
    /// new one, or one just rewound) knows nothing about where the next key is, so it bisects. The first position
    /// is tested on its own first, so a seek that does not move still costs one test.
    /// </remarks>
    #region bisect
    public static int Bisect<TTest>(int start, int end, ref TTest test)
        where TTest : struct, IPositionTest
    {
        if (start == end || !test.Test(start))
        {
            return 0;
        }

        // Invariant: positions before `low` pass; positions from `high` on fail (or are the end).
        int low = start + 1;
        int high = end;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (test.Test(middle))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - start;
    }
    #endregion

    /// <summary>
    /// Counts the leading positions of <c>[position, end)</c> of <paramref name="items"/> whose items are less than
    /// <paramref name="item"/>: what a cursor at <paramref name="position"/> seeking <paramref name="item"/> moves by.
    /// It gallops (<see cref="Advance{TTest}"/>), except from position 0, where it bisects (<see cref="Bisect{TTest}"/>).
    /// </summary>
    /// <typeparam name="TContainer">The container type.</typeparam>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="items">A container sorted on <c>[position, end)</c>.</param>
    /// <param name="position">The cursor's position.</param>
    /// <param name="end">The position after the last.</param>
    /// <param name="item">The item sought.</param>
    #region seek-less
    public static int SeekLess<TContainer, TItem>(
        in TContainer items, int position, int end, TItem item)
        where TContainer : struct, IBatchContainer<TContainer, TItem>
    {
        var test = new LessThan<TContainer, TItem>(items, item);
        return position == 0 ? Bisect(0, end, ref test) : Advance(position, end, ref test);
    }
    #endregion

    /// <summary>Counts the leading positions of <c>[start, end)</c> of <paramref name="items"/> whose items are less than <paramref name="item"/>.</summary>
    /// <typeparam name="TContainer">The container type.</typeparam>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="items">A container sorted on <c>[start, end)</c>.</param>
    /// <param name="start">The first position.</param>
    /// <param name="end">The position after the last.</param>
    /// <param name="item">The item sought.</param>
    public static int CountLess<TContainer, TItem>(in TContainer items, int start, int end, TItem item)
        where TContainer : struct, IBatchContainer<TContainer, TItem>
    {
        var test = new LessThan<TContainer, TItem>(items, item);
        return Advance(start, end, ref test);
    }

    private readonly struct LessThan<TContainer, TItem>(TContainer items, TItem item) : IPositionTest
        where TContainer : struct, IBatchContainer<TContainer, TItem>
    {
        public bool Test(int position) => items.CompareAt(position, item) < 0;
    }
}
