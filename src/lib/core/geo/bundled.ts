/** Where the bundled Kukar shapes come from and their licence, credited wherever they are drawn or shipped (the map, a partner pack). */
export const BUNDLED_BOUNDARY_SOURCE = 'cahyadsn/wilayah_boundaries (MIT)';
