"""Code emitters: the layout tree to HTML/CSS, Tailwind or React."""
