/** What the routes share: their settings and their metrics. */
package org.safeguardfhir.routes.support;
