namespace Book;

/// <summary>Checks every link between chapters: the chapter must be in the book and the anchor on its page.</summary>
internal static class LinkChecker
{
    /// <summary>Adds an error, at the link's line, for each internal link that leads nowhere.</summary>
    /// <param name="chapters">Every chapter of the book.</param>
    /// <param name="idsByChapter">The ids on each chapter's article, by the chapter's full path.</param>
    /// <param name="errors">Where the errors go.</param>
    public static void Check(IReadOnlyList<Chapter> chapters, IReadOnlyDictionary<string, HashSet<string>> idsByChapter, List<BuildError> errors)
    {
        foreach (var chapter in chapters)
        {
            foreach (var link in chapter.Links)
            {
                if (LinkTarget.IsExternal(link.Url))
                {
                    continue;
                }

                var at = new SourceLocation(chapter.DisplayPath, link.Line);
                var (path, anchor) = LinkTarget.Split(link.Url);
                var target = chapter;
                if (path.Length > 0)
                {
                    var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(chapter.FullPath)!, Uri.UnescapeDataString(path)));
                    target = chapters.FirstOrDefault(c => c.FullPath == full)!;
                    if (target is null)
                    {
                        errors.Add(at.Error(File.Exists(full)
                            ? $"broken link '{link.Url}': {path} is not a chapter listed in toc.yml, so the site does not contain it"
                            : $"broken link '{link.Url}': {path} does not exist"));
                        continue;
                    }
                }

                if (anchor.Length > 1 && !idsByChapter[target.FullPath].Contains(Uri.UnescapeDataString(anchor[1..])))
                {
                    errors.Add(at.Error($"broken anchor '{link.Url}': {target.DisplayPath} has no heading or element with id '{anchor[1..]}'"));
                }
            }
        }
    }
}
