using System.Runtime.CompilerServices;

namespace Traces.OrdNeu;

/// <summary>
/// What the entries of a layer own, as a merge writes it: the updates of a value (or of a key in a key batch), or
/// the values of a key in a value batch.
/// </summary>
/// <remarks>
/// Implementations are ref structs holding span views of the inputs, passed as type arguments, so
/// <see cref="LayerMerge.Merge"/> is compiled once per layer and mode with every call below it direct and inlined.
/// </remarks>
internal interface IOwnedMerge
{
    /// <summary>Gets the effort spent: the logical updates written to the output so far.</summary>
    long Effort { get; }

    /// <summary>Writes what entry <paramref name="entry"/> of the older (or the newer) input owns; returns whether anything survived.</summary>
    bool Copy(int entry, bool older);

    /// <summary>Writes what two equal entries, one of each input, own together; returns whether anything survived.</summary>
    bool Merge(int older, int newer);
}

/// <summary>The one merge loop, shared by every layer of both batch kinds.</summary>
internal static class LayerMerge
{
    #region layer-merge
    /// <summary>
    /// Merges the entries <c>[position1, end1)</c> of the older input's layer with
    /// <c>[position2, end2)</c> of the newer one's into <paramref name="output"/>, with what each
    /// entry owns, and stops before the next entry once the effort reaches <paramref name="limit"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// An entry on one side only is copied, equal entries are merged; an entry is written only if
    /// something it owns survives. Once one side is exhausted the rest of the other is copied entry
    /// by entry, so that the copy too can stop when fuel runs out.
    /// </para>
    /// <para>
    /// Not inlined, so that it is compiled once for each layer and mode with exact types; the
    /// positions are kept in locals and stored once at the end. A merge with unlimited fuel (one
    /// <c>Work</c> call, or the values of one key) does not read the effort at all.
    /// </para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Merge<TItem, TItems, TOwned>(
        ref TItems output, in TItems older, ref int position1, int end1,
        in TItems newer, ref int position2, int end2, TOwned owned, long limit)
        where TItems : struct, IBatchContainer<TItems, TItem>
        where TOwned : struct, IOwnedMerge, allows ref struct
    {
        int p1 = position1;
        int p2 = position2;

        bool bounded = limit != long.MaxValue;
        while (p1 < end1 && p2 < end2 && (!bounded || owned.Effort < limit))
        {
            int order = older.CompareAt(p1, newer, p2);
            if (order < 0)
            {
                Copy<TItem, TItems, TOwned>(ref output, older, ref p1, ref owned, older: true);
            }
            else if (order > 0)
            {
                Copy<TItem, TItems, TOwned>(ref output, newer, ref p2, ref owned, older: false);
            }
            else
            {
                if (owned.Merge(p1, p2))
                {
                    output.PushFrom(older, p1);
                }

                p1++;
                p2++;
            }
        }

        // One side is exhausted: copy the rest of the other.
        if (p1 < end1)
        {
            CopyRest<TItem, TItems, TOwned>(ref output, older, ref p1, end1, ref owned, true, limit);
        }
        else if (p2 < end2)
        {
            CopyRest<TItem, TItems, TOwned>(ref output, newer, ref p2, end2, ref owned, false, limit);
        }

        position1 = p1;
        position2 = p2;
    }

    // Copies the entries of one input from `position` on, until `end` or until the effort
    // reaches `limit`. Not inlined: it runs once per call, and without two more inlined copies
    // of what entries own the loop above compiles to about half the machine code.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CopyRest<TItem, TItems, TOwned>(
        ref TItems output, in TItems source, ref int position, int end,
        ref TOwned owned, bool older, long limit)
        where TItems : struct, IBatchContainer<TItems, TItem>
        where TOwned : struct, IOwnedMerge, allows ref struct
    {
        int p = position;
        bool bounded = limit != long.MaxValue;
        while (p < end && (!bounded || owned.Effort < limit))
        {
            Copy<TItem, TItems, TOwned>(ref output, source, ref p, ref owned, older);
        }

        position = p;
    }
    #endregion

    // Copies the entry at `position` of one input with what it owns, and moves past it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy<TItem, TItems, TOwned>(ref TItems output, in TItems source, ref int position, ref TOwned owned, bool older)
        where TItems : struct, IBatchContainer<TItems, TItem>
        where TOwned : struct, IOwnedMerge, allows ref struct
    {
        if (owned.Copy(position, older))
        {
            output.PushFrom(source, position);
        }

        position++;
    }
}
