-- html.lua: pandoc filter for the HTML handouts.
-- A ```mermaid block (socktrace --mermaid output) becomes <pre
-- class="mermaid">, which the Mermaid script added by pandoc-meta.yaml
-- draws as a sequence diagram when the page is online; offline the
-- diagram's text stays readable.
function CodeBlock(el)
	if el.classes[1] == "mermaid" then
		local text = el.text:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;")
		return pandoc.RawBlock("html", '<pre class="mermaid">' .. text .. "</pre>")
	end
end

-- Links between handouts point at the .md files (right on GitHub); in
-- HTML they must point at the .html files built beside them.
function Link(el)
	if not el.target:match("^%a+://") then
		el.target = el.target:gsub("%.md$", ".html"):gsub("%.md#", ".html#")
	end
	return el
end
