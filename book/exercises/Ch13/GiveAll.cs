using Traces.Junctions;

namespace Exercises.Ch13;

#region give-all
/// <summary>Moves everything one owner holds to another, walking the live set it empties.</summary>
public static class GiveAll
{
    public static void Move<TOwner, TItem>(
        OneToMany<TOwner, TItem> inventory, TOwner from, TOwner to)
        where TOwner : IComparable<TOwner>
        where TItem : IComparable<TItem>
    {
        ArgumentNullException.ThrowIfNull(inventory);
        // An item has one owner, so each insert evicts (from, item): the set shrinks under the
        // walk. The passage rule says the walk neither throws nor skips the next item.
        foreach (var item in inventory.Fwd.Get(from))
        {
            inventory.Fwd.Insert(to, item);
        }
    }
}
#endregion
